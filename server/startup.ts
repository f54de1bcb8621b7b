// Work done once when the server starts, then on a timer.
import { purgeOldLoginAttempts } from "../app/auth/rate-limit.server";
import { purgeExpiredSessions } from "../app/auth/session.server";
import { syncContentAtStartup } from "../app/content/startup.server";

const HOUR = 3600_000;

export async function startupTasks() {
  await syncContentAtStartup();
  const housekeeping = async () => {
    try {
      const purged = await purgeExpiredSessions();
      await purgeOldLoginAttempts();
      if (purged) console.log(`[weike] purged ${purged} expired sessions`);
    } catch (e) {
      console.error("[weike] housekeeping failed:", e);
    }
  };
  await housekeeping();
  setInterval(housekeeping, HOUR).unref();
}
