// One session's survey in figures, for the archive entry of a delivered session.
import { db } from "~/lib/db.server";
import { safeFiguresOf } from "./disclosure";
import { addTally, emptyTally, type Figures } from "./figures";
import { tallyCells } from "./tally.server";

export interface SessionSurveySummary extends Figures {
  surveyId: number;
  anonymous: boolean;
  closesAt: Date;
  closed: boolean;
  /** True when every answer is withheld (anonymous, fewer than 3 per team): only the counts are given. */
  suppressed: boolean;
  withheld: number;
}

export async function surveySummaryForSession(
  sessionId: number,
  now = new Date(),
): Promise<SessionSurveySummary | null> {
  const survey = await db.survey.findUnique({
    where: { sessionId },
    select: { id: true, anonymous: true, closesAt: true },
  });
  if (!survey) return null;
  const total = emptyTally();
  for (const cell of await tallyCells({ surveyId: survey.id })) addTally(total, cell.tally);
  return {
    surveyId: survey.id,
    anonymous: survey.anonymous,
    closesAt: survey.closesAt,
    closed: survey.closesAt.getTime() <= now.getTime(),
    ...safeFiguresOf(total),
  };
}

/**
 * The satisfaction rate (0–1) of each session's survey, for many sessions in two queries; null
 * where there is no survey, no answer yet, or the answers are withheld.
 */
export async function satisfactionBySession(sessionIds: number[]): Promise<Map<number, number | null>> {
  const surveys = await db.survey.findMany({
    where: { sessionId: { in: sessionIds } },
    select: { id: true, sessionId: true },
  });
  const out = new Map<number, number | null>();
  if (surveys.length === 0) return out;
  const bySurvey = new Map<number, ReturnType<typeof emptyTally>>();
  for (const cell of await tallyCells({ surveyIds: surveys.map((s) => s.id) }, { survey: true })) {
    const total = bySurvey.get(cell.surveyId!) ?? emptyTally();
    addTally(total, cell.tally);
    bySurvey.set(cell.surveyId!, total);
  }
  for (const s of surveys) {
    const total = bySurvey.get(s.id);
    const figures = total ? safeFiguresOf(total) : null;
    out.set(s.sessionId, figures && !figures.suppressed ? figures.satisfactionRate : null);
  }
  return out;
}
