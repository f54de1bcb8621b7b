// What the exam home shows: the plan with the visitor's readiness, and the trainer tools.
import { isTrainee, isTrainer, seesExamResults } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { examKey } from "./content";
import { examContent } from "./content.server";
import type { BankTitles } from "./labels";
import { readinessFor } from "./readiness.server";

export async function bankTitles(): Promise<BankTitles> {
  return Object.fromEntries((await examContent()).banks.map((b) => [b.id, b.title]));
}

export async function examsOverview(user: SessionUser) {
  const content = await examContent();
  const plan = content.plan;
  return {
    plan: plan
      ? {
          title: plan.title,
          validityDays: plan.validityDays,
          exams: plan.exams.map((e) => ({ key: examKey(e), kind: e.kind, exam: e })),
        }
      : null,
    readiness: isTrainee(user) ? await readinessFor(user.id) : null,
    banks: content.banks.map((b) => ({
      id: b.id,
      title: b.title,
      draw: b.draw,
      timeLimitMinutes: b.timeLimitMinutes,
      passMark: b.passMark,
    })),
    bankTitles: await bankTitles(),
    staff: seesExamResults(user),
    trainer: isTrainer(user),
    userId: user.id,
  };
}

/** The trainee's home panel: readiness for duty, or null for people who take no exams. */
export async function examsHomePanel(user: SessionUser, tries?: { exam: string; at: Date }[]) {
  if (!isTrainee(user)) return null;
  const readiness = await readinessFor(user.id, new Date(), tries);
  return readiness ? { readiness, banks: await bankTitles() } : null;
}
