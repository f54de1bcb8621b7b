// The trainers list for HR and administrators: each trainer with their number of qualified
// courses, classes delivered, latest satisfaction and certificates; searched, filtered, paged.
import { Prisma } from "~/generated/prisma/client";
import { localDay } from "~/lib/clock";
import { instantText } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { pageCount, PAGE_SIZE } from "~/lib/pagination";
import { cellReleasedSql } from "~/surveys/disclosure";
import { certificateState } from "./rules";
import type { ListQuery } from "./schemas";

const RELEASED = Prisma.raw(cellReleasedSql("t", "s"));

/** Per trainer, the satisfaction rate of the latest class whose survey has released answers. */
async function latestSatisfaction(trainerIds: number[]) {
  if (!trainerIds.length) return new Map<number, { rate: number; day: string; n: number }>();
  const rows = await db.$queryRaw<{ trainerId: number; heldOn: unknown; satisfied: number; n: number }[]>`
    WITH per AS (
      SELECT s."trainerId" AS "trainerId", s."heldOn" AS "heldOn",
        SUM(CASE WHEN ${RELEASED} THEN t."o4" + t."o5" ELSE 0 END) AS "satisfied",
        SUM(CASE WHEN ${RELEASED} THEN t."o1" + t."o2" + t."o3" + t."o4" + t."o5" ELSE 0 END) AS "n"
      FROM "Survey" s JOIN "SurveyTally" t ON t."surveyId" = s."id"
      WHERE s."trainerId" IN (${Prisma.join(trainerIds)})
      GROUP BY s."id"
    ), ranked AS (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY "trainerId" ORDER BY "heldOn" DESC) AS "rn" FROM per WHERE "n" > 0
    )
    SELECT "trainerId", "heldOn", "satisfied", "n" FROM ranked WHERE "rn" = 1`;
  return new Map(
    rows.map((r) => [
      Number(r.trainerId),
      { rate: Number(r.satisfied) / Number(r.n), day: localDay(instantText(r.heldOn)), n: Number(r.n) },
    ]),
  );
}

export async function listTrainerRecords(query: ListQuery, page: number, now = new Date()) {
  const today = localDay(now);
  const where: Prisma.UserWhereInput = { roles: { some: { role: "TRAINER" } } };
  if (query.q) where.OR = [{ name: { contains: query.q } }, { email: { contains: query.q.toLowerCase() } }];
  if (query.filter === "certified")
    where.trainerCertificates = { some: { OR: [{ validUntil: null }, { validUntil: { gte: today } }] } };
  if (query.filter === "unqualified") where.trainerQualifications = { none: { withdrawnAt: null } };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        active: true,
        trainerCertificates: {
          orderBy: { issuedOn: "desc" },
          select: { id: true, name: true, validUntil: true },
        },
      },
    }),
  ]);
  const ids = users.map((u) => u.id);
  const [qualified, delivered, satisfaction] = await Promise.all([
    db.trainerQualification.groupBy({
      by: ["trainerId"],
      where: { trainerId: { in: ids }, withdrawnAt: null },
      _count: { _all: true },
    }),
    db.trainingSession.groupBy({
      by: ["trainerId"],
      where: { trainerId: { in: ids }, status: { in: ["delivered", "archived"] } },
      _count: { _all: true },
    }),
    latestSatisfaction(ids),
  ]);
  const qualifiedOf = new Map(qualified.map((q) => [q.trainerId, q._count._all]));
  const deliveredOf = new Map(delivered.map((d) => [d.trainerId, d._count._all]));
  return {
    total,
    page,
    pages: pageCount(total),
    rows: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      active: u.active,
      qualified: qualifiedOf.get(u.id) ?? 0,
      delivered: deliveredOf.get(u.id) ?? 0,
      satisfaction: satisfaction.get(u.id) ?? null,
      certificates: u.trainerCertificates.map((c) => ({ id: c.id, name: c.name, state: certificateState(c, today) })),
    })),
  };
}
