// Who sees which lifecycle states. Trainees and team leads see accepted courses only; the
// people who develop and teach courses also see trial and draft ones, marked with a badge.
import { hasAnyRole } from "~/auth/roles";

export const STAFF_ROLES = ["TRAINER", "HR", "ADMIN"] as const;

export function isCourseStaff(roles: readonly string[]): boolean {
  return hasAnyRole(roles, STAFF_ROLES);
}

export function visibleStatuses(roles: readonly string[]): string[] {
  return isCourseStaff(roles) ? ["accepted", "trial", "draft"] : ["accepted"];
}
