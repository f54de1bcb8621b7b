// Whether a course is "in the library": HR entered a version of it (decision 035, its live
// version) and it is not retired. Only such courses are offered to requesters, taught to teams,
// assigned, recommended and counted as the catalogue's coverage. A file's `status: accepted` is
// only the author's proposal and does not count. Every feature asks these two exports, so a
// change to the rule lands here alone (decision 042).
export function inLibrary(course: { liveVersionId: number | null; status: string }): boolean {
  return course.liveVersionId !== null && course.status !== "retired";
}

/** The same rule as a Prisma filter on Course. */
export const inLibraryWhere = { liveVersionId: { not: null }, status: { not: "retired" } };
