// Each trainee's progress through a course version: sections reached, time, quiz, completion.
import { db, type Tx } from "~/lib/db.server";

/**
 * Records that the trainee attended a delivered class of the course, in their progress for the
 * course's current version. Called inside the workflow's transaction; idempotent.
 */
export async function markAttended(tx: Tx, userId: number, courseId: number): Promise<void> {
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { currentVersionId: true } });
  if (!course?.currentVersionId) return;
  const now = new Date();
  const existing = await tx.courseProgress.findUnique({
    where: { userId_courseVersionId: { userId, courseVersionId: course.currentVersionId } },
    select: { id: true, attendedAt: true },
  });
  if (existing?.attendedAt) return;
  if (existing) {
    await tx.courseProgress.update({ where: { id: existing.id }, data: { attendedAt: now, updatedAt: now, version: { increment: 1 } } });
    return;
  }
  const sectionsTotal = await sectionCount(tx, course.currentVersionId);
  await tx.courseProgress.create({
    data: { userId, courseId, courseVersionId: course.currentVersionId, sectionsTotal, attendedAt: now, updatedAt: now },
  });
}

async function sectionCount(client: Tx | typeof db, versionId: number): Promise<number> {
  const v = await client.courseVersion.findUnique({ where: { id: versionId }, select: { sections: true } });
  return v ? (JSON.parse(v.sections) as unknown[]).length : 0;
}
