// Which courses may be assigned: the ones in the library today. One function, so a change to
// what "in the library" means (publication records) is made here only.
import { db } from "~/lib/db.server";

/** Accepted and live: the course has a current version the catalogue serves. */
export async function isInLibrary(courseId: number): Promise<boolean> {
  const c = await db.course.findUnique({ where: { id: courseId }, select: { status: true, currentVersionId: true } });
  return c !== null && c.status === "accepted" && c.currentVersionId !== null;
}
