// What the exam home shows: the plan with the visitor's readiness, and the trainer tools.
import type { SessionUser } from "~/auth/session.server";
import { examKey } from "./content";
import { examContent } from "./content.server";
import { hasStaffRole } from "./http.server";
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
    readiness: user.roles.includes("TRAINEE") ? await readinessFor(user.id) : null,
    banks: content.banks.map((b) => ({
      id: b.id,
      title: b.title,
      draw: b.draw,
      timeLimitMinutes: b.timeLimitMinutes,
      passMark: b.passMark,
    })),
    bankTitles: await bankTitles(),
    staff: hasStaffRole(user.roles),
    trainer: user.roles.includes("TRAINER"),
    userId: user.id,
  };
}

/** The trainee's home panel: readiness for duty, or null for people who take no exams. */
export async function examsHomePanel(user: SessionUser) {
  if (!user.roles.includes("TRAINEE")) return null;
  const readiness = await readinessFor(user.id);
  return readiness ? { readiness, banks: await bankTitles() } : null;
}
