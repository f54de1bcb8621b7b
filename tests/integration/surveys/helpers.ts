// Delivered sessions with attendees, made directly in the test database.
import { db } from "~/lib/db.server";
import { openSurveysForDeliveredSession } from "~/surveys/open-survey.server";
import { createTestUser } from "../../fixtures/users";

let n = 0;

export async function createCourse(opts: { area?: string; seriesId?: number | null } = {}) {
  n++;
  const slug = `survey-course-${process.pid}-${n}-${Math.random().toString(36).slice(2, 6)}`;
  return db.course.create({
    data: {
      slug,
      titleZh: `课程${n}`,
      titleEn: `Course ${n}`,
      area: opts.area ?? "customer-service",
      seriesId: opts.seriesId ?? null,
    },
    select: { id: true, slug: true, titleEn: true },
  });
}

export async function deliveredSession(opts: {
  trainerId?: number;
  courseId?: number | null;
  kind?: "micro" | "other";
  anonymous?: boolean;
  startsAt?: Date;
  attendees: { userId: number; attendance?: string }[];
  open?: boolean;
  now?: Date;
}) {
  const trainerId = opts.trainerId ?? (await createTestUser({ roles: ["TRAINER"] })).id;
  const startsAt = opts.startsAt ?? new Date(Date.now() - 2 * 3600_000);
  const session = await db.trainingSession.create({
    data: {
      courseId: opts.courseId ?? null,
      title: opts.courseId ? "" : "Internal briefing",
      trainerId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3600_000),
      status: "delivered",
      deliveredAt: new Date(startsAt.getTime() + 3600_000),
      kind: opts.kind ?? "micro",
      anonymous: opts.anonymous ?? false,
      attendees: { create: opts.attendees.map((a) => ({ userId: a.userId, attendance: a.attendance ?? "present" })) },
    },
    select: { id: true },
  });
  if (opts.open !== false)
    await db.$transaction((tx) => openSurveysForDeliveredSession(tx, session.id, { now: opts.now }));
  const survey = await db.survey.findUnique({ where: { sessionId: session.id }, select: { id: true } });
  return { sessionId: session.id, surveyId: survey?.id ?? 0, trainerId };
}

export const goodAnswers = {
  overall: "5",
  relevance: "4",
  helpful: "5",
  delivery: "4",
  pace: "3",
  recommend: "9",
  comment: "",
};
