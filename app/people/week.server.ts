// A trainee's week: the scheduled classes they sit in, from now on, in the centre's time zone.
import { localDay, localTime } from "~/lib/clock";
import { db } from "~/lib/db.server";

export const UPCOMING_LIMIT = 10;

export async function myUpcomingClasses(userId: number, now = new Date()) {
  const rows = await db.trainingSession.findMany({
    // A class that has begun but not ended still belongs to "upcoming": the trainee may be on the way.
    where: { status: "scheduled", endsAt: { gt: now }, attendees: { some: { userId } } },
    orderBy: { startsAt: "asc" },
    take: UPCOMING_LIMIT,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      room: true,
      onlineLink: true,
      title: true,
      trainer: { select: { name: true } },
      course: { select: { slug: true, titleZh: true, titleEn: true } },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    day: localDay(s.startsAt),
    start: localTime(s.startsAt),
    end: localTime(s.endsAt),
    room: s.room,
    onlineLink: s.onlineLink,
    trainer: s.trainer.name,
    title: s.course ? { titleZh: s.course.titleZh, titleEn: s.course.titleEn } : { titleZh: s.title, titleEn: s.title },
    courseSlug: s.course?.slug ?? null,
  }));
}

export type UpcomingClass = Awaited<ReturnType<typeof myUpcomingClasses>>[number];

/** The courses the trainee has completed, newest first, each with its certificate. */
export async function myCompletedCourses(userId: number) {
  const rows = await db.courseProgress.findMany({
    where: { userId, completedAt: { not: null } },
    orderBy: { completedAt: "desc" },
    take: 20,
    select: { completedAt: true, course: { select: { slug: true, titleZh: true, titleEn: true } } },
  });
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    if (seen.has(r.course.slug)) return [];
    seen.add(r.course.slug);
    return [
      {
        slug: r.course.slug,
        title: { titleZh: r.course.titleZh, titleEn: r.course.titleEn },
        day: localDay(r.completedAt!),
      },
    ];
  });
}
