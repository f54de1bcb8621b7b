// Work done once when the server starts, then on a timer.
import { startReminderTimer } from "../app/assignments/reminders.server";
import { purgeOldLoginAttempts } from "../app/auth/rate-limit.server";
import { purgeExpiredSessions } from "../app/auth/session.server";
import { syncContentAtStartup } from "../app/content/startup.server";
import { loadExamContentAtStartup } from "../app/exams/content.server";
import { setTimeZone } from "../app/lib/clock";
import { runOnce } from "../app/lib/db/cluster-lock.server";
import { scheduleBackups } from "../app/lib/db/scheduled-backup.server";
import { databaseUrl, timeZone } from "../app/lib/env.server";
import { ensureRollups } from "../app/surveys/rollup-write.server";

const HOUR = 3600_000;

export async function startupTasks() {
  // One instance syncs; the others wait for it, then load what it stored (decision 052).
  await runOnce("content-sync", syncContentAtStartup, { waitForOther: true });
  // Loaded now, so the first exam page does not read and validate every exam file.
  await loadExamContentAtStartup();
  // The dashboard rollups, rebuilt once after their migration or a change of time zone.
  setTimeZone(timeZone());
  await runOnce("dashboard-rollups", ensureRollups, { waitForOther: true });
  const housekeeping = async () => {
    try {
      await runOnce("housekeeping", async () => {
        const purged = await purgeExpiredSessions();
        await purgeOldLoginAttempts();
        if (purged) console.log(`[weike] purged ${purged} expired sessions`);
      });
    } catch (e) {
      console.error("[weike] housekeeping failed:", e);
    }
  };
  await housekeeping();
  setInterval(housekeeping, HOUR).unref();
  // Assignment reminders: pages never write, so a timer sends them (decision 038).
  startReminderTimer();
  scheduleBackups(databaseUrl());
}
