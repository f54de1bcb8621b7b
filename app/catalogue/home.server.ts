// The trainee's home panel: courses to continue and courses completed.
import { db } from "~/lib/db.server";

export async function myLearning(userId: number) {
  const select = {
    id: true,
    percent: true,
    lastSection: true,
    completedAt: true,
    updatedAt: true,
    course: { select: { slug: true, titleZh: true, titleEn: true, status: true } },
  } as const;
  const [inProgress, completed] = await Promise.all([
    db.courseProgress.findMany({
      where: {
        userId,
        completedAt: null,
        course: { status: { not: "retired" } },
        OR: [{ percent: { gt: 0 } }, { secondsSpent: { gt: 0 } }, { quizBestScore: { not: null } }],
      },
      select,
      orderBy: { updatedAt: "desc" },
      take: 4,
    }),
    db.courseProgress.findMany({
      where: { userId, completedAt: { not: null } },
      select,
      orderBy: { completedAt: "desc" },
      take: 6,
    }),
  ]);
  const done = new Set(completed.map((c) => c.course.slug));
  const toRow = (r: (typeof completed)[number]) => ({
    id: r.id,
    slug: r.course.slug,
    titleZh: r.course.titleZh,
    titleEn: r.course.titleEn,
    percent: r.percent,
    completedAt: r.completedAt?.toISOString() ?? null,
  });
  return {
    // A course finished in an earlier version is not "to continue" in a newer one.
    continue: inProgress.filter((r) => !done.has(r.course.slug)).map(toRow),
    completed: completed.map(toRow),
  };
}
export type MyLearning = Awaited<ReturnType<typeof myLearning>>;
