// CPU per batch of the live typing stream, in this process (no network, no other load): the
// route's action end to end, and its parts — session check, body parse, the stored batch.
// Figures are CPU time (user + system), which a shared machine disturbs far less than wall time.
//   npx tsx bench/memory/stream-cpu.ts [trainees=40]
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { cpuUsage } from "node:process";

const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "bench/.tmp-stream-cpu");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = `file:${path.join(dir, "stream.db")}`;
process.env.CONTENT_DIR ??= path.join(root, "content");

const { migrateDatabase } = await import("../../app/lib/db/migrations.server");
migrateDatabase(process.env.DATABASE_URL, path.join(root, "prisma/migrations"));
const { createTestUser, sessionCookieFor } = await import("../../tests/fixtures/users");
const { humanEvents } = await import("../../tests/fixtures/typing-logs");
const { startTyping, streamTyping } = await import("../../app/exams/typing.server");
const { validateSessionToken } = await import("../../app/auth/session.server");
const { streamBatchSchema } = await import("../../app/exams/scoring/typing-stream");
const { action } = await import("../../app/routes/exams.typing_.stream");
const { db } = await import("../../app/lib/db.server");

const TRAINEES = Number(process.argv[2] ?? 40);
const BATCHES = 44;

type Trainee = { userId: number; cookie: string; token: string; startedAt: number; events: unknown[][] };

async function trainee(): Promise<Trainee> {
  const user = await createTestUser();
  const s = await startTyping(user.id, "zh");
  const text = Array.from(s.target.repeat(3)).slice(0, 300).join("");
  const { startedAt } = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
  return {
    userId: user.id,
    cookie: await sessionCookieFor(user.id),
    token: s.token,
    startedAt: startedAt.getTime(),
    events: humanEvents(text, 500, 179_000, 2) as unknown[][],
  };
}

const batchOf = (t: Trainee, seq: number) => ({
  seq,
  at: 4000 * (seq + 1),
  events: t.events.filter(([ms]) => (ms as number) > 4000 * seq && (ms as number) <= 4000 * (seq + 1)),
});

function request(t: Trainee, seq: number) {
  const b = batchOf(t, seq);
  const body = new URLSearchParams({
    token: t.token,
    seq: String(b.seq),
    at: String(b.at),
    events: JSON.stringify(b.events),
  });
  return new Request("http://localhost/exams/typing/stream", {
    method: "POST",
    headers: { Cookie: t.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

async function cpuOf(fn: () => Promise<unknown>) {
  const before = cpuUsage();
  await fn();
  const d = cpuUsage(before);
  return (d.user + d.system) / 1000;
}

const report: Record<string, number> = {};
const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000;

// The whole action, as the server runs it for each batch (the trainees interleaved, as live).
const group = await Promise.all(Array.from({ length: TRAINEES }, trainee));
const whole: number[] = [];
for (let seq = 0; seq < BATCHES; seq++)
  for (const t of group) {
    const req = request(t, seq);
    whole.push(
      await cpuOf(async () => {
        const res = (await action({ request: req, params: {}, context: {} } as never)) as Response;
        if (res.status !== 200) throw new Error(`batch ${seq} answered ${res.status}: ${await res.text()}`);
      }),
    );
  }
report["action, whole batch"] = mean(whole);

// Its parts, on a second group of attempts so every stored batch is new.
const second = await Promise.all(Array.from({ length: TRAINEES }, trainee));
const parts = { session: [] as number[], parse: [] as number[], store: [] as number[] };
for (let seq = 0; seq < BATCHES; seq++)
  for (const t of second) {
    const token = t.cookie.split("=")[1]!;
    parts.session.push(await cpuOf(() => validateSessionToken(token)));
    const req = request(t, seq);
    parts.parse.push(
      await cpuOf(async () => {
        const form = await req.formData();
        streamBatchSchema.parse({ seq: form.get("seq"), at: form.get("at"), events: form.get("events") });
      }),
    );
    const b = batchOf(t, seq);
    parts.store.push(await cpuOf(() => streamTyping(t.userId, t.token, b, new Date(t.startedAt + b.at + 300))));
  }
report["session check"] = mean(parts.session);
report["read + parse body"] = mean(parts.parse);
report["store the batch (transaction)"] = mean(parts.store);
console.log(`[stream-cpu] ${TRAINEES} trainees × ${BATCHES} batches, CPU ms per batch (mean):`);
for (const [k, v] of Object.entries(report)) console.log(`  ${k.padEnd(32)} ${v}`);
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
