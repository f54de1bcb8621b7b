// Exam records with known instants, written straight into the e2e database, so that a spec can
// compute the wall-clock time a page must print (Asia/Shanghai) without reading the clock.
import { randomBytes } from "node:crypto";
import { e2eDb } from "./fixtures";

export const ZONE = "Asia/Shanghai";

/** The expected text, formatted independently of the app: medium date, short time, in the zone. */
export function shanghai(
  at: Date,
  lang: "zh" | "en",
  opts: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
) {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-US", { ...opts, timeZone: ZONE }).format(at);
}

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

export function addResult(r: {
  userId: number;
  exam: string;
  score: number;
  passed: boolean;
  figures: Record<string, unknown>;
  misses?: unknown[];
  createdAt: Date;
  attemptId?: number | null;
}): number {
  const db = e2eDb();
  try {
    return Number(
      db
        .prepare(
          `INSERT INTO ExamResult (userId, exam, attemptId, passed, valid, score, figures, misses, createdAt)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`,
        )
        .run(
          r.userId,
          r.exam,
          r.attemptId ?? null,
          r.passed ? 1 : 0,
          r.score,
          JSON.stringify(r.figures),
          JSON.stringify(r.misses ?? []),
          iso(r.createdAt),
        ).lastInsertRowid,
    );
  } finally {
    db.close();
  }
}

/** A finished attempt, with its server events (release / reply) if any. */
export function addAttempt(a: {
  userId: number;
  exam: string;
  startedAt: Date;
  closedAt: Date;
  setup?: unknown;
  events?: { type: string; ref: string; body?: string; at: Date }[];
}): number {
  const db = e2eDb();
  try {
    const version = db
      .prepare(`INSERT INTO ExamContentVersion (kind, key, contentHash, data, createdAt) VALUES ('e2e', ?, ?, '{}', ?)`)
      .run(a.exam, randomBytes(8).toString("hex"), iso(a.startedAt)).lastInsertRowid;
    const id = Number(
      db
        .prepare(
          `INSERT INTO ExamAttempt (userId, exam, contentVersionId, tokenHash, status, startedAt, deadlineAt, expiresAt, closedAt, setup)
           VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?)`,
        )
        .run(
          a.userId,
          a.exam,
          version,
          randomBytes(16).toString("hex"),
          iso(a.startedAt),
          iso(a.closedAt),
          iso(a.closedAt),
          iso(a.closedAt),
          JSON.stringify(a.setup ?? {}),
        ).lastInsertRowid,
    );
    (a.events ?? []).forEach((e, seq) =>
      db
        .prepare(`INSERT INTO ExamEvent (attemptId, seq, type, ref, body, at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(id, seq, e.type, e.ref, e.body ?? "", iso(e.at)),
    );
    return id;
  } finally {
    db.close();
  }
}
