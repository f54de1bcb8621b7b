// Answering a survey. The write runs in one BEGIN IMMEDIATE transaction; the receipt's primary
// key (survey, person) is what makes a second response impossible, anonymous or not.
import { randomInt, randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { onPostgres } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { parseExtraQuestions, type ResponseInput } from "./instrument";
import { lockSurvey } from "./rollup-write.server";
import { countResponse } from "./tally-write.server";

export type SurveyState = "upcoming" | "open" | "closed";

export function surveyState(survey: { opensAt: Date; closesAt: Date }, now = new Date()): SurveyState {
  if (now.getTime() < survey.opensAt.getTime()) return "upcoming";
  return now.getTime() < survey.closesAt.getTime() ? "open" : "closed";
}

export async function loadSurveyForUser(surveyId: number, userId: number, now = new Date()) {
  const survey = await db.survey.findUnique({
    where: { id: surveyId },
    select: {
      id: true,
      anonymous: true,
      opensAt: true,
      closesAt: true,
      trainerId: true,
      questions: true,
      heldOn: true,
      session: {
        select: {
          title: true,
          kind: true,
          trainer: { select: { name: true } },
          course: { select: { titleZh: true, titleEn: true } },
        },
      },
    },
  });
  if (!survey) return { status: "notFound" as const };
  const [invite, receipt] = await Promise.all([
    db.surveyInvite.findUnique({ where: { surveyId_userId: { surveyId, userId } }, select: { userId: true } }),
    db.surveyReceipt.findUnique({ where: { surveyId_userId: { surveyId, userId } }, select: { userId: true } }),
  ]);
  // Only invited attendees answer, and never the session's own trainer (an invitation from
  // before that rule is not honoured).
  if (!invite || survey.trainerId === userId) return { status: "notYours" as const };
  const response =
    receipt && !survey.anonymous
      ? await db.surveyResponse.findUnique({
          where: { surveyId_userId: { surveyId, userId } },
          select: {
            overall: true,
            relevance: true,
            helpful: true,
            delivery: true,
            pace: true,
            recommend: true,
            comment: true,
            extra: true,
          },
        })
      : null;
  const extra = parseExtraQuestions(safeJson(survey.questions));
  return {
    status: "ok" as const,
    survey: {
      id: survey.id,
      anonymous: survey.anonymous,
      closesAt: survey.closesAt,
      heldOn: survey.heldOn,
      state: surveyState(survey, now),
      titleZh: survey.session.course?.titleZh ?? survey.session.title,
      titleEn: survey.session.course?.titleEn ?? survey.session.title,
      trainer: survey.session.trainer.name,
    },
    extra,
    answered: receipt !== null,
    response: response ? { ...response, extra: safeJson(response.extra) as Record<string, number> } : null,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A row number far from any other, so row order says nothing (collisions: about 1 in 2^47). */
function randomRowId(): number {
  return randomInt(1, 2 ** 47) * 64 + randomInt(0, 64);
}

export type SubmitResult = "created" | "updated" | "notFound" | "notYours" | "closed" | "alreadyAnswered";

/**
 * Stores a response. `mode` says what the form showed: "new" on a first answer, "edit" when it
 * showed the person's earlier answers. A "new" that finds a receipt is a double submit.
 */
export async function submitResponse(
  surveyId: number,
  userId: number,
  input: ResponseInput,
  mode: "new" | "edit",
  now = new Date(),
): Promise<SubmitResult> {
  const answers = {
    overall: input.overall,
    relevance: input.relevance,
    helpful: input.helpful,
    delivery: input.delivery,
    pace: input.pace,
    recommend: input.recommend,
    comment: input.comment,
    extra: JSON.stringify(input.extra),
  };
  try {
    return await db.$transaction(async (tx): Promise<SubmitResult> => {
      // Answers to one survey take turns (the tally and rollups are read, then written).
      await lockSurvey(tx, surveyId);
      const survey = await tx.survey.findUnique({
        where: { id: surveyId },
        select: { anonymous: true, opensAt: true, closesAt: true, trainerId: true },
      });
      if (!survey) return "notFound";
      if (survey.trainerId === userId) return "notYours";
      const invite = await tx.surveyInvite.findUnique({
        where: { surveyId_userId: { surveyId, userId } },
        select: { teamId: true },
      });
      if (!invite) return "notYours";
      if (surveyState(survey, now) !== "open") return "closed";
      const receipt = await tx.surveyReceipt.findUnique({
        where: { surveyId_userId: { surveyId, userId } },
        select: { userId: true },
      });
      if (receipt) {
        // Anonymous answers cannot be found again, so they cannot be changed either.
        if (survey.anonymous || mode === "new") return "alreadyAnswered";
        const previous = await tx.surveyResponse.findUnique({
          where: { surveyId_userId: { surveyId, userId } },
          select: {
            teamId: true,
            overall: true,
            relevance: true,
            helpful: true,
            delivery: true,
            pace: true,
            recommend: true,
          },
        });
        if (!previous) return "alreadyAnswered";
        await tx.surveyResponse.update({
          where: { surveyId_userId: { surveyId, userId } },
          data: { ...answers, updatedAt: now },
          select: { id: true },
        });
        await countResponse(tx, surveyId, previous.teamId, input, previous);
        return "updated";
      }
      if (survey.anonymous && onPostgres()) {
        // PostgreSQL has no row numbers to read back; the random id is the only order there is.
        await tx.surveyReceipt.create({ data: { surveyId, userId } });
        await tx.surveyResponse.create({
          data: { id: randomUUID(), surveyId, userId: null, teamId: invite.teamId, ...answers },
          select: { id: true },
        });
      } else if (survey.anonymous) {
        // SQLite numbers rows in the order they arrive; the n-th receipt and the n-th response
        // would name the person. Random row numbers keep both tables in no particular order.
        await tx.$executeRaw`INSERT INTO SurveyReceipt (rowid, surveyId, userId) VALUES (${randomRowId()}, ${surveyId}, ${userId})`;
        await tx.$executeRaw`
          INSERT INTO SurveyResponse (rowid, id, surveyId, userId, teamId, overall, relevance, helpful, delivery, pace, recommend, comment, extra, submittedAt, updatedAt)
          VALUES (${randomRowId()}, ${randomUUID()}, ${surveyId}, NULL, ${invite.teamId}, ${answers.overall}, ${answers.relevance}, ${answers.helpful},
                  ${answers.delivery}, ${answers.pace}, ${answers.recommend}, ${answers.comment}, ${answers.extra}, NULL, NULL)`;
      } else {
        await tx.surveyReceipt.create({ data: { surveyId, userId } });
        await tx.surveyResponse.create({
          data: { id: randomUUID(), surveyId, userId, teamId: invite.teamId, ...answers, submittedAt: now },
          select: { id: true },
        });
      }
      await countResponse(tx, surveyId, invite.teamId, input);
      return "created";
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return "alreadyAnswered";
    throw e;
  }
}

/** Surveys waiting for this person's answer, soonest deadline first (for the home page). */
export async function pendingSurveysFor(userId: number, now = new Date()) {
  const invites = await db.surveyInvite.findMany({
    where: {
      userId,
      survey: { opensAt: { lte: now }, closesAt: { gt: now }, receipts: { none: { userId } } },
    },
    select: {
      survey: {
        select: {
          id: true,
          closesAt: true,
          heldOn: true,
          session: { select: { title: true, course: { select: { titleZh: true, titleEn: true } } } },
        },
      },
    },
    orderBy: { survey: { closesAt: "asc" } },
    take: 20,
  });
  return invites.map(({ survey: s }) => ({
    id: s.id,
    closesAt: s.closesAt,
    heldOn: s.heldOn,
    titleZh: s.session.course?.titleZh ?? s.session.title,
    titleEn: s.session.course?.titleEn ?? s.session.title,
  }));
}
