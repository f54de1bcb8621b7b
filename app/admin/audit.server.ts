// Writing and reading the audit log. Every entry is written in the transaction of the change it
// records, so a change and its entry stand or fall together. Decision 032.
import { dayBounds } from "~/lib/clock";
import { insertRows } from "~/lib/db/bulk-insert.server";
import type { Tx } from "~/lib/db.server";
import { db } from "~/lib/db.server";
import { PAGE_SIZE } from "~/lib/pagination";
import { AUDIT_ACTIONS, type AuditAction, type ObjectKind } from "./audit-actions";
import { MAX_AUDIT_EXPORT, type AuditFilter } from "./audit-filter";

/** The thing changed; the kind defaults to the action's, the id to the subject for user actions. */
export interface AuditObject {
  kind?: ObjectKind;
  id: number | null;
}

export interface AuditEntry {
  actorId: number | null;
  action: AuditAction;
  subjectId: number | null;
  detail?: Record<string, unknown>;
  object?: AuditObject;
}

function rowOf(e: AuditEntry) {
  const kind = e.object?.kind ?? AUDIT_ACTIONS[e.action].object;
  const objectId = e.object ? e.object.id : kind === "user" ? e.subjectId : null;
  return {
    actorId: e.actorId,
    action: e.action,
    subjectId: e.subjectId,
    detail: JSON.stringify(e.detail ?? {}),
    objectKind: kind,
    objectId,
  };
}

/**
 * Records one change. `actorId` null is the system itself (an automatic check, content sync).
 * `subjectId` is the person the change concerns, if any; `object` the thing changed.
 */
export async function writeAudit(
  tx: Tx,
  actorId: number | null,
  action: AuditAction,
  subjectId: number | null,
  detail: Record<string, unknown> = {},
  object?: AuditObject,
) {
  await tx.auditLog.create({
    data: rowOf({ actorId, action, subjectId, detail, object }),
    select: { id: true },
  });
}

/** Many entries in a few statements (a content sync publishing a thousand courses). */
export async function writeAuditMany(tx: Tx, entries: AuditEntry[]) {
  if (!entries.length) return;
  const createdAt = new Date();
  const rows = entries.map((e) => ({ ...rowOf(e), createdAt }));
  await insertRows(tx, "AuditLog", Object.keys(rows[0]!), rows.map(Object.values));
}

function whereOf(f: AuditFilter) {
  const from = f.from ? dayBounds(f.from) : null;
  const to = f.to ? dayBounds(f.to) : null;
  return {
    ...(f.actor !== undefined ? { actorId: f.actor } : {}),
    ...(f.action !== undefined ? { action: f.action } : {}),
    ...(f.kind !== undefined ? { objectKind: f.kind } : {}),
    ...(f.object !== undefined ? { objectId: f.object } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from.start } : {}), ...(to ? { lt: to.end } : {}) } } : {}),
  };
}

const rowSelect = {
  id: true,
  action: true,
  detail: true,
  objectKind: true,
  objectId: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
  subject: { select: { id: true, name: true } },
} as const;

export type AuditRow = Awaited<ReturnType<typeof searchAudit>>["rows"][number];

/** One page of entries about one person (kept for callers that list a user's history). */
export async function listAudit(page: number, subjectId?: number) {
  const { total, rows } = await searchAudit({}, page, subjectId);
  return { total, rows };
}

export async function searchAudit(filter: AuditFilter, page: number, subjectId?: number) {
  const where = { ...whereOf(filter), ...(subjectId ? { subjectId } : {}) };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: rowSelect,
    }),
  ]);
  return { total, rows };
}

/** The rows of a CSV export, newest first, at most MAX_AUDIT_EXPORT (and whether more matched). */
export async function auditExport(filter: AuditFilter) {
  const rows = await db.auditLog.findMany({
    where: whereOf(filter),
    orderBy: { id: "desc" },
    take: MAX_AUDIT_EXPORT + 1,
    select: rowSelect,
  });
  return { rows: rows.slice(0, MAX_AUDIT_EXPORT), truncated: rows.length > MAX_AUDIT_EXPORT };
}

/** People who appear as actors, for the "who" filter. */
export async function auditActors() {
  const ids = await db.auditLog.findMany({
    where: { actorId: { not: null } },
    distinct: ["actorId"],
    select: { actorId: true },
  });
  return db.user.findMany({
    where: { id: { in: ids.map((r) => r.actorId).filter((id): id is number => id !== null) } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
