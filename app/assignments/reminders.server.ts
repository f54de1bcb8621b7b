// The reminder pass: "due soon" three days before the due day, "overdue" after it, each once per
// assignment member, kind and cycle (the unique key of AssignmentReminder). Pages never write, so
// the server runs this pass on a timer; tests call it with a moved clock.
import { localDay } from "~/lib/clock";
import { runOnce } from "~/lib/db/cluster-lock.server";
import { db } from "~/lib/db.server";
import { notify } from "~/workflow/notify.server";
import { memberFacts } from "./completion.server";
import { reminderDue } from "./rules";

/** Minutes between passes in the running server. */
export const REMINDER_PASS_MINUTES = 10;
const BATCH = 200;

/** Sends the reminders owed at `now`; returns how many were sent. Safe to run concurrently. */
export async function runReminderPass(now = new Date()): Promise<number> {
  const today = localDay(now);
  let sent = 0;
  let after = 0;
  for (;;) {
    const batch = await db.assignment.findMany({
      where: { withdrawnAt: null, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, dueDay: true, refreshMonths: true, courseId: true, seriesId: true },
    });
    if (batch.length === 0) return sent;
    after = batch[batch.length - 1]!.id;
    const facts = await memberFacts(batch.map((a) => a.id));
    for (const f of facts) {
      const a = batch.find((x) => x.id === f.assignmentId)!;
      const due = reminderDue({ ...f, dueDay: a.dueDay, refreshMonths: a.refreshMonths }, today);
      if (!due) continue;
      const kind = `assignment-${due.kind}`;
      sent += await db.$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO "AssignmentReminder" ("assignmentId", "userId", "kind", "cycle", "sentAt")
          VALUES (${a.id}, ${f.userId}, ${due.kind}, ${due.cycle}, ${now}) ON CONFLICT DO NOTHING`;
        if (inserted === 0) return 0;
        await notify(tx, [f.userId], kind, { id: a.id, day: due.cycle }, "/");
        return 1;
      });
    }
  }
}

/**
 * Starts the timer in the server process. Not under tests: they call runReminderPass directly.
 * Returns a stop function for shutdown.
 */
export function startReminderTimer(log: (e: unknown) => void = console.error): () => void {
  // Every instance has the timer; one of them sends (decision 052).
  const run = () => void runOnce("reminders", () => runReminderPass()).catch(log);
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, REMINDER_PASS_MINUTES * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
