import { db } from "~/lib/db.server";
import { sessionAbsoluteMs, sessionIdleMs } from "~/lib/env.server";
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "./token";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  teamId: number | null;
  grade: string;
  roles: string[];
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
}

// Refresh the sliding expiry at most once a minute, so reads do not turn into writes.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(userId: number, now = new Date()) {
  const { id, secret, token } = generateSessionToken();
  const absoluteExpiresAt = new Date(now.getTime() + sessionAbsoluteMs());
  await db.session.create({
    data: {
      id,
      secretHash: new Uint8Array(hashSecret(secret)),
      userId,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(Math.min(now.getTime() + sessionIdleMs(), absoluteExpiresAt.getTime())),
      absoluteExpiresAt,
    },
    select: { id: true },
  });
  return { token, maxAgeSeconds: sessionAbsoluteMs() / 1000 };
}

export type SessionCheck = { status: "none" } | { status: "invalid" } | ({ status: "valid" } & ValidSession);

export async function validateSessionToken(token: string | null, now = new Date()): Promise<SessionCheck> {
  if (!token) return { status: "none" };
  const parsed = parseSessionToken(token);
  if (!parsed) return { status: "invalid" };
  const row = await db.session.findUnique({
    where: { id: parsed.id },
    select: {
      id: true,
      secretHash: true,
      lastSeenAt: true,
      idleExpiresAt: true,
      absoluteExpiresAt: true,
      user: {
        select: { id: true, email: true, name: true, teamId: true, grade: true, active: true, roles: { select: { role: true } } },
      },
    },
  });
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return { status: "invalid" };
  if (row.idleExpiresAt <= now || row.absoluteExpiresAt <= now || !row.user.active) {
    await db.session.deleteMany({ where: { id: row.id } });
    return { status: "invalid" };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.updateMany({
      where: { id: row.id },
      data: {
        lastSeenAt: now,
        idleExpiresAt: new Date(Math.min(now.getTime() + sessionIdleMs(), row.absoluteExpiresAt.getTime())),
      },
    });
  }
  const { active: _active, roles, ...user } = row.user;
  return { status: "valid", sessionId: row.id, user: { ...user, roles: roles.map((r) => r.role) } };
}

export async function invalidateSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: number, exceptSessionId?: string) {
  await db.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
}

export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { OR: [{ idleExpiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
  });
  return count;
}
