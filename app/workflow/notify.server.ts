// In-app notices. Written inside the transaction that makes the change, so a notice exists
// exactly when its change does.
import { db, type Tx } from "~/lib/db.server";
import { PAGE_SIZE } from "~/lib/pagination";

export async function notify(
  tx: Tx,
  userIds: Iterable<number>,
  kind: string,
  params: Record<string, string | number>,
  link: string,
  exceptId?: number,
) {
  const ids = [...new Set(userIds)].filter((id) => id !== exceptId);
  if (ids.length === 0) return;
  const text = JSON.stringify(params);
  await tx.notification.createMany({ data: ids.map((userId) => ({ userId, kind, params: text, link })) });
}

export async function hrUserIds(tx: Tx): Promise<number[]> {
  const rows = await tx.user.findMany({
    where: { active: true, roles: { some: { role: "HR" } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export function unreadCount(userId: number) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: number, page: number) {
  const [total, rows] = await Promise.all([
    db.notification.count({ where: { userId } }),
    db.notification.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  return { total, rows: rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, string | number> })) };
}

export async function markRead(userId: number, id?: number) {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}

/**
 * Marks one of the user's notices read and says where it points; null when it is not theirs.
 * Only a POST calls this: reading a page never changes what is unread.
 */
export async function openNotice(userId: number, id: number) {
  const notice = await db.notification.findFirst({ where: { id, userId }, select: { link: true } });
  if (!notice) return null;
  await markRead(userId, id);
  return { link: notice.link };
}
