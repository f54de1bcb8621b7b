export const ROLES = ["TRAINEE", "LEAD", "TRAINER", "HR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const GRADES = ["junior", "intermediate", "senior", "expert"] as const;
export type Grade = (typeof GRADES)[number];
