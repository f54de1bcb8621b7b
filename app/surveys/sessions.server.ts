// Recording a delivered session by hand, for as long as sessions are not yet recorded by the
// training workflow. The session, its attendance and its survey are written together.
import { z } from "zod";
import { seesAllTraining, type Role } from "~/auth/policy";
import { localDay, parseLocalInput } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { invalid } from "~/lib/errors";
import { idSchema } from "~/lib/validation";
import { openSurveysForDeliveredSession } from "./open-survey.server";

export const newSessionSchema = z
  .object({
    courseId: z.union([z.literal(""), idSchema]).optional(),
    title: z.string().trim().max(200, { error: "common:form.invalid" }).default(""),
    kind: z.enum(["micro", "other"], { error: "common:form.invalid" }),
    startsAt: z
      .string({ error: "surveys:newSession.err.date" })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: "surveys:newSession.err.date" })
      // A wall time of the centre, whatever the server's own zone; not in the future (a day's grace).
      .transform((s) => parseLocalInput(s.slice(0, 16)))
      .refine((d) => d !== null && d.getTime() < Date.now() + 86400_000 && localDay(d) >= "2000-01-01", {
        error: "surveys:newSession.err.date",
      })
      .transform((d) => d!),
    trainerId: z.union([z.literal(""), idSchema]).optional(),
    anonymous: z.literal("on").optional(),
    attendees: z.array(idSchema).min(1, { error: "surveys:newSession.err.attendees" }).max(500),
  })
  .refine((v) => (typeof v.courseId === "number" ? true : v.title.length > 0), {
    error: "surveys:newSession.err.courseOrTitle",
    path: ["courseId"],
  });

export type NewSessionInput = z.infer<typeof newSessionSchema>;

export async function newSessionOptions(viewer: { id: number; roles: readonly Role[] }) {
  const everything = seesAllTraining(viewer);
  const [courses, trainers, people] = await Promise.all([
    db.course.findMany({
      where: { status: { not: "retired" } },
      select: { id: true, titleZh: true, titleEn: true },
      orderBy: [{ seriesId: "asc" }, { position: "asc" }],
    }),
    everything
      ? db.user.findMany({
          where: { active: true, roles: { some: { role: "TRAINER" } } },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        })
      : Promise.resolve([]),
    db.user.findMany({
      where: { active: true, roles: { some: { role: { in: ["TRAINEE", "LEAD"] } } } },
      select: { id: true, name: true, team: { select: { name: true } } },
      orderBy: [{ teamId: "asc" }, { name: "asc" }],
      take: 500,
    }),
  ]);
  return {
    courses,
    trainers,
    people: people.map((p) => ({ id: p.id, name: p.name, team: p.team?.name ?? "" })),
    everything,
  };
}

export async function recordDeliveredSession(
  viewer: { id: number; roles: readonly Role[] },
  input: NewSessionInput,
): Promise<{ sessionId: number; surveyId: number; invited: number }> {
  const everything = seesAllTraining(viewer);
  const trainerId = everything ? (typeof input.trainerId === "number" ? input.trainerId : null) : viewer.id;
  if (trainerId === null) throw invalid({ trainerId: "surveys:newSession.err.trainer" });
  const courseId = typeof input.courseId === "number" ? input.courseId : null;
  const [trainer, course, people] = await Promise.all([
    db.user.findFirst({
      where: { id: trainerId, active: true, roles: { some: { role: "TRAINER" } } },
      select: { id: true },
    }),
    courseId
      ? db.course.findUnique({ where: { id: courseId }, select: { id: true, durationMinutes: true, seriesId: true } })
      : Promise.resolve(null),
    db.user.findMany({ where: { id: { in: [...new Set(input.attendees)] }, active: true }, select: { id: true } }),
  ]);
  if (!trainer) throw invalid({ trainerId: "surveys:newSession.err.trainer" });
  // A trainer answering the survey of their own session would rate themself, and as one of a
  // few anonymous answers would know which ones are not theirs.
  if (input.attendees.includes(trainerId)) throw invalid({ attendees: "surveys:newSession.err.trainerAttends" });
  if (courseId && !course) throw invalid({ courseId: "surveys:newSession.err.courseOrTitle" });
  if (people.length === 0) throw invalid({ attendees: "surveys:newSession.err.attendees" });
  const minutes = course?.durationMinutes ?? 60;
  return db.$transaction(async (tx) => {
    const session = await tx.trainingSession.create({
      data: {
        courseId,
        seriesId: course?.seriesId ?? null,
        title: input.title,
        kind: input.kind,
        anonymous: input.anonymous === "on",
        trainerId,
        startsAt: input.startsAt,
        endsAt: new Date(input.startsAt.getTime() + minutes * 60_000),
        status: "delivered",
        deliveredAt: new Date(),
        attendees: { create: people.map((p) => ({ userId: p.id, attendance: "present" })) },
      },
      select: { id: true },
    });
    await openSurveysForDeliveredSession(tx, session.id);
    const survey = await tx.survey.findUniqueOrThrow({
      where: { sessionId: session.id },
      select: { id: true, _count: { select: { invites: true } } },
    });
    return { sessionId: session.id, surveyId: survey.id, invited: survey._count.invites };
  });
}
