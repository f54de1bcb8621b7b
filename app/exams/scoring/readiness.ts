// Readiness for duty: every exam of the plan passed, and each pass still within its validity.

export interface ResultForReadiness {
  exam: string;
  passed: boolean;
  valid: boolean;
  at: Date;
}

export type ExamStatus =
  | { exam: string; state: "passed"; at: Date; expiresAt: Date }
  | { exam: string; state: "expired"; at: Date; expiredAt: Date }
  | { exam: string; state: "missing"; attempted: boolean };

export interface Readiness {
  ready: boolean;
  exams: ExamStatus[];
  /** When the first pass runs out, if ready. */
  readyUntil: Date | null;
}

const DAY = 86_400_000;

export function readiness(
  planExams: readonly string[],
  validityDays: number,
  results: readonly ResultForReadiness[],
  now: Date,
): Readiness {
  const exams: ExamStatus[] = planExams.map((exam) => {
    const mine = results.filter((r) => r.exam === exam);
    const passes = mine.filter((r) => r.passed && r.valid).sort((a, b) => b.at.getTime() - a.at.getTime());
    const latest = passes[0];
    if (!latest) return { exam, state: "missing", attempted: mine.length > 0 };
    const expiresAt = new Date(latest.at.getTime() + validityDays * DAY);
    return expiresAt.getTime() > now.getTime()
      ? { exam, state: "passed", at: latest.at, expiresAt }
      : { exam, state: "expired", at: latest.at, expiredAt: expiresAt };
  });
  const ready = exams.every((e) => e.state === "passed");
  const readyUntil =
    ready && exams.length
      ? new Date(Math.min(...exams.map((e) => (e.state === "passed" ? e.expiresAt.getTime() : Infinity))))
      : null;
  return { ready, exams, readyUntil };
}
