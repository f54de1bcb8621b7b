import { Prisma } from "~/generated/prisma/client";
import { groupConcat } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { sessionAbsoluteMs, sessionIdleMs } from "~/lib/env.server";
import { toRoles } from "./policy";
import type { Role } from "./roles";
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "./token";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  teamId: number | null;
  grade: string;
  roles: Role[];
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
  // One statement for session, user and roles: this runs on every signed-in request.
  const rows = await db.$queryRaw<RawSessionRow[]>`
    SELECT s.id, s."secretHash", s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt",
           u.id AS "userId", u.email, u.name, u."teamId", u.grade, u.active,
           (SELECT ${groupConcat(Prisma.sql`r.role`)} FROM "UserRole" r WHERE r."userId" = u.id) AS roles
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${parsed.id}`;
  const row = rows[0] ? toSessionRow(rows[0]) : null;
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return { status: "invalid" };
  if (row.idleExpiresAt <= now || row.absoluteExpiresAt <= now || !row.active) {
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
  return { status: "valid", sessionId: row.id, user: row.user };
}

interface RawSessionRow {
  id: string;
  secretHash: Uint8Array;
  lastSeenAt: Date | string;
  idleExpiresAt: Date | string;
  absoluteExpiresAt: Date | string;
  userId: number | bigint;
  email: string;
  name: string;
  teamId: number | bigint | null;
  grade: string;
  active: boolean | number | bigint;
  roles: string | null;
}

function toSessionRow(r: RawSessionRow) {
  return {
    id: r.id,
    secretHash: r.secretHash,
    lastSeenAt: new Date(r.lastSeenAt),
    idleExpiresAt: new Date(r.idleExpiresAt),
    absoluteExpiresAt: new Date(r.absoluteExpiresAt),
    active: Boolean(Number(r.active)),
    user: {
      id: Number(r.userId),
      email: r.email,
      name: r.name,
      teamId: r.teamId === null ? null : Number(r.teamId),
      grade: r.grade,
      roles: r.roles ? toRoles(r.roles.split(",")) : [],
    } satisfies SessionUser,
  };
}

export async function invalidateSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { OR: [{ idleExpiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
  });
  return count;
}
