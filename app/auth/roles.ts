export const ROLES = ["TRAINEE", "LEAD", "TRAINER", "HR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const GRADES = ["junior", "intermediate", "senior", "expert"] as const;
export type Grade = (typeof GRADES)[number];

// The role whose home a user lands on when they hold several.
const PRIORITY: Role[] = ["ADMIN", "HR", "TRAINER", "LEAD", "TRAINEE"];

export function primaryRole(roles: readonly string[]): Role {
  return PRIORITY.find((r) => roles.includes(r)) ?? "TRAINEE";
}

export function hasAnyRole(roles: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.includes(r));
}

/** What a route demands of its visitor; route modules declare it as `handle.access`. */
export type Access = "public" | "user" | readonly Role[];
