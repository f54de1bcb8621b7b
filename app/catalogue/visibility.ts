// Who sees which lifecycle states. Trainees and team leads see accepted courses only; the
// people who develop and teach courses also see trial and draft ones, marked with a badge.
import { isCourseStaff, type Role } from "~/auth/policy";

export function visibleStatuses(roles: readonly Role[]): string[] {
  return isCourseStaff({ roles }) ? ["accepted", "trial", "draft"] : ["accepted"];
}
