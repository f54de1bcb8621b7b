import { db } from "~/lib/db.server";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_MAX_FAILURES = 10;

export type RateLimit = { limited: false } | { limited: true; retryAt: Date };

/** Limited once an account or an IP has 10 failures inside the last 15 minutes. */
export async function checkLoginRateLimit(email: string, ip: string, now = new Date()): Promise<RateLimit> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  for (const where of [{ email }, { ip }]) {
    const failures = await db.loginAttempt.findMany({
      where: { ...where, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: LOGIN_MAX_FAILURES,
      select: { createdAt: true },
    });
    if (failures.length >= LOGIN_MAX_FAILURES) {
      // Free again when the oldest of the last ten failures leaves the window.
      const oldest = failures[failures.length - 1].createdAt;
      return { limited: true, retryAt: new Date(oldest.getTime() + LOGIN_WINDOW_MS) };
    }
  }
  return { limited: false };
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean, now = new Date()) {
  await db.loginAttempt.create({ data: { email, ip, success, createdAt: now }, select: { id: true } });
}

export async function purgeOldLoginAttempts(now = new Date()) {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
}
