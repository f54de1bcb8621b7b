// On-duty exams: 50 trainees at once start typing tests and submit their input logs, and answer
// response-drill messages, for 30 s (every accepted submission stored, no 5xx); and the server's
// time to score one 3-minute typing log.
import { createHash, randomBytes } from "node:crypto";
import { scoreTyping, type TypingEvent } from "../../app/exams/scoring/typing";
import { percentile } from "../lib/load";
import { openDb } from "../lib/session-row";
import type { BenchRow, Scenario } from "../lib/types";

const WRITERS = 50;
const SECONDS = Number(process.env.BENCH_EXAMS_SECONDS ?? 30);
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const email = (i: number) => `bench-exams-${i}@weike.test`;

const REPLIES = [
  "您好，请提供订单号，我马上为您查询。",
  "/fh1",
  "非常理解您着急，/kd2",
  "/th1",
  "/fp1",
  "感谢您的耐心，祝您生活愉快！",
];

/** A realistic 3-minute log: two characters committed every 1.2 s, one corrected slip a minute. */
function threeMinuteLog(target: string): { v: 1; durationMs: number; events: TypingEvent[] } {
  const chars = Array.from(target);
  const events: TypingEvent[] = [];
  let pos = 0;
  for (let t = 600; t < 180_000; t += 1200) {
    if (t % 60_000 < 1200) {
      events.push([t - 300, "i", "错"], [t - 150, "d", 1]);
    }
    events.push([t, "i", (chars[pos % chars.length] ?? "") + (chars[(pos + 1) % chars.length] ?? "")]);
    pos += 2;
  }
  return { v: 1, durationMs: 180_000, events };
}

/** The first 32-character base64url string in a single-fetch answer: the attempt token. */
function tokenIn(body: string): string | null {
  return /"([A-Za-z0-9_-]{32})"/.exec(body)?.[1] ?? null;
}

const scenario: Scenario = {
  name: "exams",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const teams = (db.prepare("SELECT id FROM Team").all() as { id: number }[]).map((r) => r.id);
      const insUser = db.prepare(
        "INSERT INTO User (email, name, employeeNo, passwordHash, teamId, updatedAt) VALUES (?, ?, ?, 'x', ?, ?)",
      );
      const insRole = db.prepare("INSERT INTO UserRole (userId, role) VALUES (?, 'TRAINEE')");
      db.transaction(() => {
        for (let i = 0; i < WRITERS; i++)
          insRole.run(
            insUser.run(
              email(i),
              `Bench exams ${i}`,
              `BX${i}`,
              teams.length ? teams[i % teams.length] : null,
              iso(Date.now()),
            ).lastInsertRowid,
          );
      })();
    } finally {
      db.close();
    }
  },

  async run(ctx) {
    const rows: BenchRow[] = [];
    const cookies = Array.from({ length: WRITERS }, (_, i) => ctx.cookieFor(email(i)));
    const latencies = { start: [] as number[], submit: [] as number[], reply: [] as number[] };
    const status: Record<string, number> = {};
    let typingAccepted = 0;
    let repliesAccepted = 0;
    let networkErrors = 0;
    const post = async (cookie: string, path: string, form: Record<string, string>, kind: keyof typeof latencies) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${ctx.baseUrl}${path}`, {
          method: "POST",
          body: new URLSearchParams(form),
          redirect: "manual",
          headers: { cookie, origin: ctx.baseUrl, "content-type": "application/x-www-form-urlencoded" },
        });
        const body = await res.text();
        latencies[kind].push(performance.now() - t0);
        status[res.status] = (status[res.status] ?? 0) + 1;
        return { status: res.status, body };
      } catch {
        networkErrors++;
        return { status: 0, body: "" };
      }
    };

    const deadline = Date.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie, w) => {
        while (Date.now() < deadline) {
          // A typing attempt: the token comes from the server; the log covers the real time
          // between start and submit (compressed, so the server may rightly flag its speed).
          const s = await post(cookie, "/exams/typing.data", { intent: "start", lang: "zh" }, "start");
          const token = tokenIn(s.body);
          const t0 = performance.now();
          // A response drill in the meantime: every message answered as it is released.
          const d = await post(cookie, "/exams/response.data", { intent: "start" }, "start");
          const drillToken = tokenIn(d.body);
          for (const [m, text] of REPLIES.entries()) {
            if (!drillToken) break;
            const r = await post(
              cookie,
              "/exams/response.data",
              { intent: "reply", token: drillToken, item: `m${m + 1}`, text },
              "reply",
            );
            if (r.status === 200 || r.status === 202) repliesAccepted++;
            else break;
          }
          if (!token) continue;
          const elapsed = Math.round(performance.now() - t0);
          const chars = "您好欢迎光临本店很高兴为您服务";
          const events: TypingEvent[] = Array.from({ length: 20 }, (_, k) => [
            Math.round((elapsed * k) / 20),
            "i",
            chars.charAt((w + k) % chars.length),
          ]);
          const sub = await post(
            cookie,
            "/exams/typing.data",
            { intent: "submit", token, log: JSON.stringify({ v: 1, durationMs: elapsed, events }) },
            "submit",
          );
          if (sub.status === 202) typingAccepted++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const db = openDb(ctx.dbFile);
    const counts = db
      .prepare(
        `SELECT
          (SELECT COUNT(*) FROM ExamResult r JOIN User u ON u.id = r.userId WHERE u.email LIKE 'bench-exams-%' AND r.exam = 'typing:zh') AS typingResults,
          (SELECT COUNT(*) FROM ExamResult r JOIN User u ON u.id = r.userId WHERE u.email LIKE 'bench-exams-%' AND r.exam = 'typing:zh' AND r.valid = 1) AS typingValid,
          (SELECT COUNT(*) FROM ExamEvent e JOIN ExamAttempt a ON a.id = e.attemptId JOIN User u ON u.id = a.userId WHERE u.email LIKE 'bench-exams-%' AND a.exam = 'response' AND e.type = 'reply') AS replies,
          (SELECT COUNT(*) FROM ExamResult r JOIN User u ON u.id = r.userId WHERE u.email LIKE 'bench-exams-%' AND r.exam = 'response') AS drillResults`,
      )
      .get() as { typingResults: number; typingValid: number; replies: number; drillResults: number };
    db.close();

    const all = [...latencies.start, ...latencies.submit, ...latencies.reply].sort((a, b) => a - b);
    const fiveXx = Object.entries(status)
      .filter(([code]) => code.startsWith("5"))
      .reduce((n, [, c]) => n + c, 0);
    const lost = typingAccepted - counts.typingResults + (repliesAccepted - counts.replies);
    for (const k of Object.keys(latencies) as (keyof typeof latencies)[]) latencies[k].sort((a, b) => a - b);
    rows.push({
      scenario: "exams",
      name: `${WRITERS} trainees: typing starts + submissions and drill replies for ${SECONDS} s`,
      reqPerSec: Math.round(all.length / seconds),
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      p99: percentile(all, 99),
      errors: fiveXx + networkErrors,
      ratio: Math.round((all.length / seconds / ctx.baseline().reqPerSec) * 100) / 100,
      figures: {
        requests: all.length,
        typingSubmitted: typingAccepted,
        typingStored: counts.typingResults,
        typingValid: counts.typingValid,
        drillReplies: repliesAccepted,
        drillRepliesStored: counts.replies,
        drillResults: counts.drillResults,
        lost,
        "5xx": fiveXx,
        submitP50: percentile(latencies.submit, 50),
        submitP95: percentile(latencies.submit, 95),
        replyP95: percentile(latencies.reply, 95),
        statuses: JSON.stringify(status),
      },
      target: "0 lost, 0 5xx",
      pass: lost === 0 && fiveXx === 0 && networkErrors === 0 && typingAccepted > 0 && repliesAccepted > 0,
    });

    // Scoring one 3-minute log in the server's code, without the network or the database.
    const target =
      "您好，欢迎光临本店，很高兴为您服务。请问有什么可以帮您？亲，您的订单已经在仓库打包，大促期间订单量较大。";
    const log = threeMinuteLog(target);
    const times: number[] = [];
    let net = 0;
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      net = scoreTyping({ log, target, lang: "zh", examMs: 180_000, serverElapsedMs: 180_300 }).net;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({
      scenario: "exams",
      name: "score one 3-minute typing log (in process)",
      figures: {
        events: log.events.length,
        logBytes: JSON.stringify(log).length,
        netCpm: net,
        p50Ms: Math.round(percentile(times, 50) * 1000) / 1000,
        p95Ms: Math.round(percentile(times, 95) * 1000) / 1000,
      },
    });

    // The same through HTTP and the database: an attempt that started 3 minutes ago (written
    // straight into the database) and its full log, submitted one at a time.
    const http: number[] = [];
    let validHttp = 0;
    const writer = openDb(ctx.dbFile);
    const template = writer
      .prepare(
        "SELECT a.contentVersionId, a.setup, a.userId FROM ExamAttempt a JOIN User u ON u.id = a.userId WHERE a.exam = 'typing:zh' AND u.email = ? ORDER BY a.id DESC LIMIT 1",
      )
      .get(email(0)) as { contentVersionId: number; setup: string; userId: number } | undefined;
    if (template) {
      const realTarget = (JSON.parse(template.setup) as { target: string }).target;
      const body = JSON.stringify(threeMinuteLog(realTarget));
      for (let i = 0; i < 20; i++) {
        const token = randomBytes(24).toString("base64url");
        const now = Date.now();
        writer
          .prepare(
            "INSERT INTO ExamAttempt (userId, exam, contentVersionId, tokenHash, status, startedAt, deadlineAt, expiresAt, setup) VALUES (?, 'typing:zh', ?, ?, 'open', ?, ?, ?, ?)",
          )
          .run(
            template.userId,
            template.contentVersionId,
            createHash("sha256").update(token).digest("hex"),
            iso(now - 180_000),
            iso(now),
            iso(now + 30_000),
            template.setup,
          );
        const t0 = performance.now();
        const res = await fetch(`${ctx.baseUrl}/exams/typing.data`, {
          method: "POST",
          body: new URLSearchParams({ intent: "submit", token, log: body }),
          redirect: "manual",
          // WRITERS (50) cookies were made above, so the first exists.
          headers: { cookie: cookies[0]!, origin: ctx.baseUrl, "content-type": "application/x-www-form-urlencoded" },
        });
        await res.text();
        http.push(performance.now() - t0);
        if (res.status === 202) validHttp++;
      }
    }
    writer.close();
    http.sort((a, b) => a - b);
    rows.push({
      scenario: "exams",
      name: "submit and score one 3-minute typing log (HTTP + database)",
      p50: percentile(http, 50),
      p95: percentile(http, 95),
      figures: {
        submissions: http.length,
        accepted: validHttp,
        logBytes: template
          ? JSON.stringify(threeMinuteLog((JSON.parse(template.setup) as { target: string }).target)).length
          : 0,
      },
    });
    return rows;
  },
};

export default scenario;
