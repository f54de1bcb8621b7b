// What a reviewer reads about one result: each check the scorer ran and its outcome, whether the
// result counts, and why not. Pure: the words are message keys with their parameters.

export interface ReviewLine {
  /** A key of the "sittings" namespace. */
  key: string;
  params?: Record<string, string | number>;
  ok: boolean;
}

export interface ReviewAttempt {
  invalidReason: string | null;
  voidedAt: Date | string | null;
  voidReason: string | null;
  voidedBy?: { name: string } | null;
  sitting: { id: number; code: string; createdBy: { name: string } } | null;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Why a result does not count toward readiness, if it does not: voided, or outside a required sitting. */
export function uncounted(
  r: { exam: string; attempt: { sittingId: number | null; voidedAt: Date | string | null } | null },
  sittingRequired: readonly string[],
): "voided" | "no-sitting" | null {
  if (r.attempt?.voidedAt) return "voided";
  if (sittingRequired.includes(r.exam) && !r.attempt?.sittingId) return "no-sitting";
  return null;
}

/** The checks that ran on a result, in the order a reviewer reads them. */
export function reviewLines(
  exam: string,
  figures: Record<string, unknown>,
  attempt: ReviewAttempt | null,
  valid: boolean,
): ReviewLine[] {
  const lines: ReviewLine[] = [];
  if (attempt?.voidedAt)
    lines.push({
      key: "review.voided",
      params: { reason: attempt.voidReason ?? "", name: attempt.voidedBy?.name ?? "" },
      ok: false,
    });
  const reasons = list(figures.invalid).length ? list(figures.invalid) : (attempt?.invalidReason ?? "").split(",");
  const shown = reasons.filter((r) => r && r !== "voided");
  if (exam.startsWith("typing:")) {
    const checks = (figures.checks ?? {}) as {
      stream?: { batches?: number; seconds?: number; ok?: boolean };
      human?: { ok?: boolean; longestCommit?: number; maxBurst?: number; intervalCv?: number | null };
    };
    if (checks.stream)
      lines.push({
        key: checks.stream.ok ? "review.streamOk" : "review.streamBad",
        params: { s: num(checks.stream.seconds), count: num(checks.stream.batches) },
        ok: Boolean(checks.stream.ok),
      });
    else lines.push({ key: "review.streamNone", ok: false });
    if (checks.human)
      lines.push({
        key: checks.human.ok ? "review.humanOk" : "review.humanBad",
        params: { commit: num(checks.human.longestCommit), burst: num(checks.human.maxBurst) },
        ok: Boolean(checks.human.ok),
      });
  }
  if (exam === "response" || exam === "quick-reply") {
    const fast = list(figures.tooFast).length;
    lines.push({ key: fast ? "review.tooFast" : "review.paceOk", params: { count: fast }, ok: fast === 0 });
    if (exam === "response") {
      const stuffed = list(figures.stuffed).length;
      lines.push({ key: stuffed ? "review.stuffed" : "review.notStuffed", params: { count: stuffed }, ok: !stuffed });
    }
  }
  if (exam.startsWith("quiz:")) lines.push({ key: figures.late ? "review.late" : "review.inTime", ok: !figures.late });
  if (figures.abandoned) lines.push({ key: "review.abandoned", ok: false });
  for (const r of shown) lines.push({ key: "review.reason", params: { reason: r }, ok: false });
  if (exam !== "drill")
    lines.push(
      attempt?.sitting
        ? {
            key: "review.sitting",
            params: { id: attempt.sitting.id, code: attempt.sitting.code, name: attempt.sitting.createdBy.name },
            ok: true,
          }
        : { key: "review.noSitting", ok: true },
    );
  lines.unshift({
    key: valid && !attempt?.voidedAt ? "review.valid" : "review.invalid",
    ok: valid && !attempt?.voidedAt,
  });
  return lines;
}
