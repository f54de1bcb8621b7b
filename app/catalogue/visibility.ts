// Who sees which courses. Trainees and team leads see the library: courses HR entered, in the
// version entered (the live version, decision 035). The people who develop and teach courses
// also see trial and draft ones, in their newest synced version, marked with a badge.
import { isCourseStaff, type Role } from "~/auth/policy";
import { inLibraryWhere } from "./in-library";

export function visibleStatuses(roles: readonly Role[]): string[] {
  return isCourseStaff({ roles }) ? ["accepted", "trial", "draft"] : ["accepted"];
}

/** The course filter (a Prisma `where`) of everything this person's catalogue lists. */
export function visibleCourseWhere(roles: readonly Role[], status?: string) {
  if (!isCourseStaff({ roles })) return inLibraryWhere;
  const statuses = visibleStatuses(roles);
  return { status: status && statuses.includes(status) ? status : { in: statuses }, currentVersionId: { not: null } };
}

/** The badge a card shows: to trainees a course in the library is accepted, whatever its newest file proposes. */
export function libraryStatus(roles: readonly Role[], status: string): string {
  return isCourseStaff({ roles }) ? status : "accepted";
}
