// Which courses may be assigned: the ones in the library today, by the one rule of
// app/catalogue/in-library.ts.
import { inLibraryWhere } from "~/catalogue/in-library";
import { db } from "~/lib/db.server";

/** Entered into the library (a live version) and not retired. */
export async function isInLibrary(courseId: number): Promise<boolean> {
  return (await db.course.count({ where: { id: courseId, ...inLibraryWhere } })) > 0;
}
