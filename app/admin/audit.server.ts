import type { Tx } from "~/lib/db.server";
import { db } from "~/lib/db.server";
import { PAGE_SIZE } from "~/lib/pagination";

export async function writeAudit(
  tx: Tx,
  actorId: number,
  action: string,
  subjectId: number | null,
  detail: Record<string, unknown> = {},
) {
  await tx.auditLog.create({
    data: { actorId, action, subjectId, detail: JSON.stringify(detail) },
    select: { id: true },
  });
}

export async function listAudit(page: number, subjectId?: number) {
  const where = subjectId ? { subjectId } : {};
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        action: true,
        detail: true,
        createdAt: true,
        actor: { select: { name: true } },
        subject: { select: { id: true, name: true } },
      },
    }),
  ]);
  return { total, rows };
}
