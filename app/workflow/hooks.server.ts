// What a delivered session sets off in the other capabilities, called inside the delivery
// transaction so a failure there undoes the delivery too.
import { markAttended } from "~/catalogue/progress.server";
import type { Tx } from "~/lib/db.server";
import { openSurveysForDeliveredSession } from "~/surveys/open-survey.server";
import { notify } from "./notify.server";

export async function afterDelivery(tx: Tx, sessionId: number, presentUserIds: number[], courseIds: number[]) {
  for (const userId of presentUserIds) for (const courseId of courseIds) await markAttended(tx, userId, courseId);
  const opened = await openSurveysForDeliveredSession(tx, sessionId);
  if (!opened || opened.newlyInvited.length === 0) return;
  // The notice asks for an answer, so it opens the survey, not the request.
  const session = await tx.trainingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { title: true, seriesId: true, course: { select: { titleZh: true } } },
  });
  const series = session.seriesId
    ? await tx.series.findUnique({ where: { id: session.seriesId }, select: { titleZh: true } })
    : null;
  const title = session.course?.titleZh ?? series?.titleZh ?? session.title;
  await notify(tx, opened.newlyInvited, "attended", { title }, `/surveys/${opened.surveyId}`);
}
