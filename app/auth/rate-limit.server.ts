import { db } from "~/lib/db.server";

// Login throttling (decision record 016). Both limits pause guessing for at most one window;
// neither stops a person whose browser has signed in to the account before (known-device
// cookie, checked by the caller), so a stranger's failures cannot lock anyone out.
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Per account: ten guesses a quarter of an hour. */
export const LOGIN_MAX_FAILURES = 10;
/** Per address: higher, because a whole call-center floor may share one NAT address. */
export const LOGIN_IP_MAX_FAILURES = 30;

export type RateLimit = { limited: false } | { limited: true; retryAt: Date; scope: "account" | "ip" };

/** Limited once an account has 10, or an address 30, failures inside the last 15 minutes. */
export async function checkLoginRateLimit(email: string, ip: string, now = new Date()): Promise<RateLimit> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const limits = [
    { scope: "account", where: { email }, max: LOGIN_MAX_FAILURES },
    { scope: "ip", where: { ip }, max: LOGIN_IP_MAX_FAILURES },
  ] as const;
  for (const { scope, where, max } of limits) {
    const failures = await db.loginAttempt.findMany({
      where: { ...where, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: max,
      select: { createdAt: true },
    });
    const oldest = failures.at(-1);
    if (oldest && failures.length >= max) {
      // Free again when the oldest of the last failures leaves the window.
      return { limited: true, scope, retryAt: new Date(oldest.createdAt.getTime() + LOGIN_WINDOW_MS) };
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
