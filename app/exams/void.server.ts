// Voiding an attempt: a trainer or HR strikes it out with a reason (audited). A voided result
// never counts; an attempt still running ends at once with a failed result that shows the void.
import { writeAudit } from "~/admin/audit.server";
import { seesExamResults, type RoleHolder } from "~/auth/policy";
import { db } from "~/lib/db.server";
import { conflict, forbidden, invalid, notFound } from "~/lib/errors";
import { attemptSelect, closeAttempt, createResult } from "./attempts.server";
import { MAX_VOID_REASON } from "./schemas";

export async function voidAttempt(
  actor: RoleHolder & { id: number },
  attemptId: number,
  reason: string,
  opts: { sittingId?: number; now?: Date } = {},
) {
  if (!seesExamResults(actor)) throw forbidden();
  const text = reason.trim();
  if (!text) throw invalid("sittings:err.voidReason", { field: "reason" });
  if (text.length > MAX_VOID_REASON)
    throw invalid("common:form.tooLong", { field: "reason", params: { max: MAX_VOID_REASON } });
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const attempt = await tx.examAttempt.findUnique({
      where: { id: attemptId },
      select: {
        ...attemptSelect,
        sittingId: true,
        voidedAt: true,
        result: { select: { id: true } },
      },
    });
    if (!attempt || (opts.sittingId !== undefined && attempt.sittingId !== opts.sittingId)) throw notFound();
    if (attempt.voidedAt) throw conflict("sittings:err.alreadyVoided");
    if (attempt.status === "open") {
      await closeAttempt(tx, attempt, "invalid", now, "voided");
    }
    if (!attempt.result) {
      await createResult(tx, {
        userId: attempt.userId,
        exam: attempt.exam,
        attemptId: attempt.id,
        passed: false,
        valid: false,
        score: 0,
        figures: { voided: true },
        misses: [],
      });
    }
    await tx.examAttempt.update({
      where: { id: attempt.id },
      data: { voidedAt: now, voidReason: text, voidedById: actor.id },
    });
    await writeAudit(
      tx,
      actor.id,
      "exam.attempt-voided",
      attempt.userId,
      { exam: attempt.exam, sittingId: attempt.sittingId, reason: text },
      { kind: "exam-attempt", id: attempt.id },
    );
  });
}
