// What a delivered session sets off in the other capabilities, called inside the delivery
// transaction so a failure there undoes the delivery too.
import { markAttended } from "~/catalogue/progress.server";
import type { Tx } from "~/lib/db.server";
import { openSurveysForDeliveredSession } from "~/surveys/open-survey.server";

export async function afterDelivery(tx: Tx, sessionId: number, presentUserIds: number[], courseIds: number[]) {
  for (const userId of presentUserIds) for (const courseId of courseIds) await markAttended(tx, userId, courseId);
  await openSurveysForDeliveredSession(tx, sessionId);
}
