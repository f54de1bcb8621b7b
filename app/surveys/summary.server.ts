// One session's survey in figures, for the archive entry of a delivered session.
import { db } from "~/lib/db.server";
import { addTally, emptyTally, safeFiguresOf, type Figures } from "./figures";
import { tallyCells } from "./tally.server";

export interface SessionSurveySummary extends Figures {
  surveyId: number;
  anonymous: boolean;
  closesAt: Date;
  closed: boolean;
  /** True when an anonymous survey has fewer than 3 responses: only the counts are given. */
  suppressed: boolean;
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
  // A session's own survey counts as anonymous even before anyone answered.
  if (survey.anonymous) total.anonymous = total.responses;
  return {
    surveyId: survey.id,
    anonymous: survey.anonymous,
    closesAt: survey.closesAt,
    closed: survey.closesAt.getTime() <= now.getTime(),
    ...safeFiguresOf(total),
  };
}
