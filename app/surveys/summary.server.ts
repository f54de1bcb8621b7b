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
