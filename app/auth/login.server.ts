import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { verifyPassword } from "./password.server";
import { toRoles } from "./policy";
import { checkLoginRateLimit, recordLoginAttempt } from "./rate-limit.server";
import type { Role } from "./roles";
import { createSession } from "./session.server";

export type LoginResult =
  | { ok: true; token: string; maxAgeSeconds: number; roles: Role[] }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAt: Date };

export async function login(emailInput: string, password: string, ip: string): Promise<LoginResult> {
  const email = emailInput.trim().toLowerCase();
  const limit = await checkLoginRateLimit(email, ip);
  if (limit.limited) return { ok: false, reason: "rate-limited", retryAt: limit.retryAt };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, roles: { select: { role: true } } },
  });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) {
    await recordLoginAttempt(email, ip, false);
    return { ok: false, reason: "invalid" };
  }
  await recordLoginAttempt(email, ip, true);
  const session = await createSession(user.id);
  return { ok: true, ...session, roles: toRoles(user.roles.map((r) => r.role)) };
}

/** The client's address; X-Forwarded-For is honoured only behind a proxy we were told about. */
export function clientIp(request: Request): string {
  if (env().TRUST_PROXY) {
    const forwarded = request.headers.get("X-Forwarded-For");
    if (forwarded) return forwarded.split(",")[0].trim();
  }
  return request.headers.get("X-Weike-Remote-Addr") ?? "unknown";
}
