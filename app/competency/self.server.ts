// The self-assessment: each indicator rated 1–5, once per period in the centre's time zone.
import { COMPETENCY_IDS } from "~/content/competencies";
import { localMonth } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { selfAssessmentMonths } from "~/lib/env.server";
import { conflict, DomainError } from "~/lib/errors";
import { periodOf } from "./profile";

export function currentPeriod(now = new Date()): string {
  return periodOf(localMonth(now), selfAssessmentMonths());
}

/** This period's self-assessment of the person, if they have given one. */
export async function selfAssessmentThisPeriod(userId: number, now = new Date()) {
  const row = await db.selfAssessment.findUnique({
    where: { userId_period: { userId, period: currentPeriod(now) } },
    select: { scores: true, createdAt: true, period: true },
  });
  return row ? { ...row, scores: JSON.parse(row.scores) as Record<string, number> } : null;
}

/**
 * Stores the person's ratings. Every indicator must be a whole number 1–5 (field errors name the
 * ones that are not); a second one in the same period is a conflict. Nothing is stored on refusal.
 */
export async function submitSelfAssessment(userId: number, input: Record<string, unknown>, now = new Date()) {
  const scores: Record<string, number> = {};
  const fieldErrors: Record<string, string> = {};
  for (const id of COMPETENCY_IDS) {
    const raw = input[id];
    const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : typeof raw === "number" ? raw : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 5) fieldErrors[id] = "competency:self.range";
    else scores[id] = n;
  }
  if (Object.keys(fieldErrors).length) throw new DomainError("invalid", "competency:self.invalid", { fieldErrors });
  const period = currentPeriod(now);
  const existing = await db.selfAssessment.findUnique({
    where: { userId_period: { userId, period } },
    select: { id: true },
  });
  if (existing) throw conflict("competency:self.again", { params: { period } });
  try {
    await db.selfAssessment.create({
      data: { userId, period, scores: JSON.stringify(scores), createdAt: now },
      select: { id: true },
    });
  } catch (e) {
    // Two submissions racing: the unique key refuses the second.
    if ((e as { code?: string }).code === "P2002") throw conflict("competency:self.again", { params: { period } });
    throw e;
  }
  return { period };
}
