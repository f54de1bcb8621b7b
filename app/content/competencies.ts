// The 11 indicators of the agent competency model (DOMAIN.md section 3), by id.
export const COMPETENCY_IDS = [
  "read-customer-info",
  "product-knowledge",
  "understand-needs",
  "offer-solution",
  "communication",
  "self-management",
  "teamwork",
  "self-motivation",
  "continuous-learning",
  "reflective-practice",
  "it-application",
] as const;
export type CompetencyId = (typeof COMPETENCY_IDS)[number];

export const AREAS = ["business", "customer-service", "supporting"] as const;
export const GRADES = ["junior", "intermediate", "senior", "expert"] as const;
export const STATUSES = ["draft", "trial", "accepted", "retired"] as const;
export const MERGES = ["none", "half-day", "full-day"] as const;
export type CourseStatus = (typeof STATUSES)[number];

export function isCompetencyId(v: string): v is CompetencyId {
  return (COMPETENCY_IDS as readonly string[]).includes(v);
}
