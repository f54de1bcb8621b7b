// The project team: who sits in which group with which role, and the rules a team must meet.
// Pure, so the form, the server and the tests share one reading of "a valid team".

export const EXPERT_ROLES = ["chair", "expert"] as const;
export const DEVELOPMENT_ROLES = ["author", "reviewer", "developer"] as const;
export const MEMBER_ROLES = [...EXPERT_ROLES, ...DEVELOPMENT_ROLES] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type MemberGroup = "expert" | "development";

export const FORMATS = ["m15", "m30", "m60", "series"] as const;
export type ProjectFormat = (typeof FORMATS)[number];

export const MILESTONE_KINDS = ["internalisation", "first-draft", "trial", "acceptance", "other"] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export function groupOf(role: MemberRole): MemberGroup {
  return (EXPERT_ROLES as readonly string[]).includes(role) ? "expert" : "development";
}

/**
 * What is wrong with a team, as a message key, or null when it is fine: at least one member, each
 * person once, and exactly one chair as soon as there is an expert group.
 */
export function teamProblem(members: readonly { userId: number; role: MemberRole }[]): string | null {
  if (members.length === 0) return "development:err.noMembers";
  if (new Set(members.map((m) => m.userId)).size !== members.length) return "development:err.memberTwice";
  const experts = members.filter((m) => groupOf(m.role) === "expert");
  const chairs = experts.filter((m) => m.role === "chair").length;
  if (experts.length > 0 && chairs !== 1) return "development:err.oneChair";
  return null;
}

/** The role that writes the drafts and closes the comments on them. */
export const isAuthorRole = (role: string) => role === "author";

/** The next milestone not yet done (earliest due first) and whether it is overdue on `today`. */
export function nextMilestone<M extends { dueOn: string; doneAt: Date | string | null }>(
  milestones: readonly M[],
  today: string,
): { milestone: M; overdue: boolean } | null {
  const open = milestones.filter((m) => !m.doneAt).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const first = open[0];
  return first ? { milestone: first, overdue: first.dueOn < today } : null;
}
