import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { clientAddress } from "./client-ip";
import { deviceToken, isKnownDevice } from "./known-device.server";
import { verifyPassword } from "./password.server";
import { toRoles } from "./policy";
import { checkLoginRateLimit, recordLoginAttempt } from "./rate-limit.server";
import type { Role } from "./roles";
import { createSession } from "./session.server";

export type LoginResult =
  | { ok: true; token: string; maxAgeSeconds: number; roles: Role[]; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAt: Date };

/**
 * `device` is the known-device cookie of the browser, if any: with it, the correct password
 * passes an account or address lock (the failures of others never lock a person out).
 */
export async function login(
  emailInput: string,
  password: string,
  ip: string,
  device: string | null = null,
): Promise<LoginResult> {
  const email = emailInput.trim().toLowerCase();
  const limit = await checkLoginRateLimit(email, ip);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, roles: { select: { role: true } } },
  });
  // A locked attempt from an unknown browser is refused before the password is even looked at.
  if (limit.limited && !(user && isKnownDevice(device, user.id, user.passwordHash)))
    return { ok: false, reason: "rate-limited", retryAt: limit.retryAt };

  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) {
    await recordLoginAttempt(email, ip, false);
    return limit.limited
      ? { ok: false, reason: "rate-limited", retryAt: limit.retryAt }
      : { ok: false, reason: "invalid" };
  }
  await recordLoginAttempt(email, ip, true);
  const session = await createSession(user.id);
  return {
    ok: true,
    ...session,
    roles: toRoles(user.roles.map((r) => r.role)),
    deviceToken: deviceToken(user.id, user.passwordHash),
  };
}

/** The client's address; X-Forwarded-For is read only as far as the configured trusted proxies. */
export function clientIp(request: Request): string {
  const peer = request.headers.get("X-Weike-Remote-Addr") ?? "unknown";
  return clientAddress(request.headers.get("X-Forwarded-For"), peer, env().TRUST_PROXY);
}
