// CPU per exam request at a shift start, in this process (no network, no load generator): the
// route's loader or action end to end, on a seeded database, one fresh trainee per call as in a
// start burst. CPU time (user + system) is how long one request holds the server's only thread,
// which a shared machine disturbs far less than wall time.
//   npx tsx bench/exams/exam-cpu.ts [calls=200]
// Prints one line per step (first call, then p50/p95 of the rest) and a JSON summary.
// Profile a step: node --cpu-prof --cpu-prof-dir=bench/.tmp-exam-cpu/prof --import tsx bench/exams/exam-cpu.ts
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { cpuUsage } from "node:process";

const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "bench/.tmp-exam-cpu");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = `file:${path.join(dir, "exam.db")}`;
process.env.CONTENT_DIR ??= path.join(root, "content");
const seeded = spawnSync("npx", ["tsx", "prisma/seed.ts"], { cwd: root, env: process.env, stdio: "ignore" });
if (seeded.status !== 0) throw new Error("seeding failed");

// Route modules import their stylesheet as a URL, which only Vite resolves.
register("../lib/css-stub.mjs", import.meta.url);
const CALLS = Number(process.argv[2] ?? 200);
const BANK = "complaint-handling";
const { createTestUser, sessionCookieFor } = await import("../../tests/fixtures/users");
const { humanEvents } = await import("../../tests/fixtures/typing-logs");
const typing = await import("../../app/routes/exams.typing");
const stream = await import("../../app/routes/exams.typing_.stream");
const quiz = await import("../../app/routes/exams.quiz.$id");
const response = await import("../../app/routes/exams.response");
const { db } = await import("../../app/lib/db.server");
// One call at a time here: nothing to shed, and a slow first call must not turn the next away.
(await import("../../app/exams/start-gate.server")).setStartLimit(Infinity, Infinity);

type Call = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

function req(url: string, cookie: string, form?: Record<string, string>) {
  return new Request(`http://localhost${url}`, {
    method: form ? "POST" : "GET",
    headers: { Cookie: cookie, ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });
}

/** Runs a loader or action; a refusal (an error Response or `{ error }`) stops the bench. */
async function call(fn: Call, request: Request, params: Record<string, string> = {}) {
  const out = await fn({ request, params, context: { arrivedAt: Date.now() } });
  if (out instanceof Response && out.status >= 400)
    throw new Error(`${request.url}: ${out.status} ${await out.text()}`);
  const data =
    out instanceof Response
      ? await out
          .clone()
          .json()
          .catch(() => null)
      : out;
  const init = (out as { init?: { status?: number } } | null)?.init;
  if (init?.status && init.status >= 400) throw new Error(`${request.url}: ${init.status} ${JSON.stringify(out)}`);
  if (data && typeof data === "object" && "error" in data) throw new Error(`${request.url}: ${JSON.stringify(data)}`);
  return data as Record<string, unknown>;
}

async function cpuOf<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const before = cpuUsage();
  const out = await fn();
  const d = cpuUsage(before);
  return [(d.user + d.system) / 1000, out];
}

const steps: Record<string, number[]> = {};
const record = (step: string, ms: number) => (steps[step] ??= []).push(ms);

const people = await Promise.all(
  Array.from({ length: CALLS }, async () => {
    const user = await createTestUser();
    return { id: user.id, cookie: await sessionCookieFor(user.id) };
  }),
);

// Typing: the page a trainee opens, then the start; then every trainee's first stream batches.
const started: { cookie: string; token: string; events: unknown[][] }[] = [];
for (const p of people) {
  const [pageMs] = await cpuOf(() => call(typing.loader as Call, req("/exams/typing", p.cookie)));
  record("typing page (GET)", pageMs);
  const [startMs, out] = await cpuOf(() =>
    call(typing.action as Call, req("/exams/typing", p.cookie, { intent: "start", lang: "zh" })),
  );
  record("typing start", startMs);
  const s = out.started as { token: string; target: string };
  const text = Array.from(s.target).slice(0, 300).join("");
  started.push({ cookie: p.cookie, token: s.token, events: humanEvents(text, 500, 179_000, 2) as unknown[][] });
}
for (let seq = 0; seq < 2; seq++)
  for (const t of started) {
    // Batch `seq` as the page cuts it: the events since the last cut, up to "now" (not yet 4 s in).
    const events = seq === 0 ? t.events.filter(([ms]) => (ms as number) <= 0) : [];
    const form = { token: t.token, seq: String(seq), at: String(seq * 10), events: JSON.stringify(events) };
    const [ms] = await cpuOf(() => call(stream.action as Call, req("/exams/typing/stream", t.cookie, form)));
    record("stream batch", ms);
  }

// The quiz: its page, then the start (a plain form post answered with the questions).
for (const p of people) {
  const [pageMs] = await cpuOf(() => call(quiz.loader as Call, req(`/exams/quiz/${BANK}`, p.cookie), { id: BANK }));
  record("quiz page (GET)", pageMs);
  const [startMs] = await cpuOf(() =>
    call(quiz.action as Call, req(`/exams/quiz/${BANK}`, p.cookie, { intent: "start" }), { id: BANK }),
  );
  record("quiz start", startMs);
}

// The response drill: its page, the start, the acknowledgement of the first message, the reply.
for (const p of people) {
  const [pageMs] = await cpuOf(() => call(response.loader as Call, req("/exams/response", p.cookie)));
  record("drill page (GET)", pageMs);
  const [startMs, out] = await cpuOf(() =>
    call(response.action as Call, req("/exams/response", p.cookie, { intent: "start" })),
  );
  record("drill start", startMs);
  const s = out.started as { token: string; message: { id: string } };
  const item = { token: s.token, item: s.message.id };
  const [ackMs] = await cpuOf(() =>
    call(response.action as Call, req("/exams/response", p.cookie, { intent: "ack", ...item })),
  );
  record("drill ack", ackMs);
  const reply = { intent: "reply", ...item, text: "您好，请问有什么可以帮您？" };
  const [replyMs] = await cpuOf(() => call(response.action as Call, req("/exams/response", p.cookie, reply)));
  record("drill reply", replyMs);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};
const summary: Record<string, { first: number; p50: number; p95: number; n: number }> = {};
console.log(`[exam-cpu] ${CALLS} trainees, CPU ms per request (first call, then p50/p95 of the rest):`);
for (const [step, xs] of Object.entries(steps)) {
  const rest = xs.slice(1);
  summary[step] = { first: Math.round(xs[0]! * 10) / 10, p50: pct(rest, 50), p95: pct(rest, 95), n: xs.length };
  const s = summary[step];
  console.log(
    `  ${step.padEnd(20)} first ${String(s.first).padStart(6)}  p50 ${String(s.p50).padStart(6)}  p95 ${String(s.p95).padStart(6)}`,
  );
}
console.log(JSON.stringify(summary));
await db.$disconnect();
if (!process.env.EXAM_CPU_KEEP) rmSync(dir, { recursive: true, force: true });
