// Opening a session's survey. The workflow calls this inside its "mark delivered" transaction;
// calling it again (attendance corrected, retried request) only adds or removes invitations.
import type { Tx } from "~/lib/db.server";
import { courseSurveyQuestions } from "./questions.server";
import { recountInvited } from "./tally-write.server";

export const DEFAULT_SURVEY_DAYS = 7;
const DAY_MS = 24 * 3600_000;

export async function openSurveysForDeliveredSession(
  tx: Tx,
  sessionId: number,
  options: { now?: Date; days?: number } = {},
): Promise<{ surveyId: number; newlyInvited: number[] } | null> {
  const now = options.now ?? new Date();
  const session = await tx.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      courseId: true,
      seriesId: true,
      trainerId: true,
      startsAt: true,
      kind: true,
      anonymous: true,
      course: {
        select: {
          slug: true,
          area: true,
          seriesId: true,
          sourcePath: true,
          currentVersion: { select: { frontMatter: true } },
        },
      },
      attendees: {
        where: { attendance: { in: ["present", "late"] } },
        select: { userId: true, user: { select: { teamId: true } } },
      },
      survey: { select: { id: true } },
    },
  });
  if (!session) return null;

  let surveyId = session.survey?.id;
  if (surveyId === undefined) {
    const questions = courseSurveyQuestions(
      session.course
        ? {
            slug: session.course.slug,
            sourcePath: session.course.sourcePath,
            frontMatter: session.course.currentVersion?.frontMatter,
          }
        : null,
    );
    const created = await tx.survey.create({
      data: {
        sessionId: session.id,
        anonymous: session.anonymous,
        kind: session.kind === "other" ? "other" : "micro",
        courseId: session.courseId,
        seriesId: session.seriesId ?? session.course?.seriesId ?? null,
        area: session.course?.area ?? "",
        trainerId: session.trainerId,
        heldOn: session.startsAt,
        opensAt: now,
        closesAt: new Date(now.getTime() + (options.days ?? DEFAULT_SURVEY_DAYS) * DAY_MS),
        questions: JSON.stringify(questions),
      },
      select: { id: true },
    });
    surveyId = created.id;
  }

  // The trainer is never asked about their own session, even when the roster lists them.
  const present = new Map(
    session.attendees.filter((a) => a.userId !== session.trainerId).map((a) => [a.userId, a.user.teamId]),
  );
  const existing = await tx.surveyInvite.findMany({ where: { surveyId }, select: { userId: true } });
  const invited = new Set(existing.map((i) => i.userId));
  const missing = [...present.keys()].filter((id) => !invited.has(id));
  if (missing.length > 0) {
    await tx.surveyInvite.createMany({
      data: missing.map((userId) => ({ surveyId: surveyId!, userId, teamId: present.get(userId) ?? null })),
    });
  }
  // Someone whose attendance was corrected to absent is no longer asked, unless they already answered.
  const gone = [...invited].filter((id) => !present.has(id));
  if (gone.length > 0) {
    const answered = await tx.surveyReceipt.findMany({
      where: { surveyId, userId: { in: gone } },
      select: { userId: true },
    });
    const keep = new Set(answered.map((r) => r.userId));
    const drop = gone.filter((id) => !keep.has(id));
    if (drop.length > 0) await tx.surveyInvite.deleteMany({ where: { surveyId, userId: { in: drop } } });
  }
  if (missing.length > 0 || gone.length > 0 || !session.survey) await recountInvited(tx, surveyId);
  // The caller tells the newly invited where to answer; those invited before were told already.
  return { surveyId, newlyInvited: missing };
}
