// Whether a course is "in the library": accepted, so it is offered to requesters and taught to
// teams. Draft and trial courses are still being developed or tried out. Publication owns this
// rule; requests and scheduling ask only these two exports, so a change lands here alone.
export const LIBRARY_STATUSES = ["accepted"] as const;

export function inLibrary(course: { status: string }): boolean {
  return (LIBRARY_STATUSES as readonly string[]).includes(course.status);
}

/** The same rule as a Prisma filter on Course. */
export const inLibraryWhere = { status: { in: [...LIBRARY_STATUSES] } };
