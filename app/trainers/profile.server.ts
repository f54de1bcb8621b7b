// The data of one trainer's page: qualifications (active and withdrawn), classes delivered,
// satisfaction over time, trial lectures and certificates.
import { canSeeTrainer, managesTrainers } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { trainerTrialScores } from "~/development/trial.server";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { forbidden } from "~/lib/errors";
import { pageCount, PAGE_SIZE } from "~/lib/pagination";
import { findTrainer } from "./qualifications.server";
import { certificateState } from "./rules";
import { satisfactionTrend } from "./satisfaction.server";

const DELIVERED = { in: ["delivered", "archived"] };

export async function trainerProfile(
  viewer: Pick<SessionUser, "id" | "roles">,
  trainerId: number,
  page: number,
  now = new Date(),
) {
  const trainer = await findTrainer(db, trainerId);
  if (!canSeeTrainer(viewer, trainerId)) throw forbidden();
  const today = localDay(now);
  const classWhere = { trainerId, status: DELIVERED };
  const [qualifications, classCount, classes, certificates, trend] = await Promise.all([
    db.trainerQualification.findMany({
      where: { trainerId },
      orderBy: [{ withdrawnAt: { sort: "desc", nulls: "first" } }, { grantedAt: "desc" }],
      select: {
        id: true,
        source: true,
        reason: true,
        grantedAt: true,
        grantedById: true,
        score: true,
        withdrawnAt: true,
        withdrawReason: true,
        course: { select: { id: true, slug: true, titleZh: true, titleEn: true } },
      },
    }),
    db.trainingSession.count({ where: classWhere }),
    db.trainingSession.findMany({
      where: classWhere,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        startsAt: true,
        status: true,
        title: true,
        course: { select: { titleZh: true, titleEn: true } },
        _count: { select: { attendees: true } },
      },
    }),
    db.trainerCertificate.findMany({
      where: { trainerId },
      orderBy: [{ issuedOn: "desc" }, { id: "desc" }],
      select: { id: true, name: true, issuedOn: true, validUntil: true, note: true },
    }),
    satisfactionTrend(trainerId, now),
  ]);
  const trials = await trainerTrialScores(trainerId);
  const granters = await db.user.findMany({
    where: { id: { in: qualifications.flatMap((q) => (q.grantedById ? [q.grantedById] : [])) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(granters.map((g) => [g.id, g.name]));
  const manages = managesTrainers(viewer);
  const qualifiedIds = new Set(qualifications.filter((q) => !q.withdrawnAt).map((q) => q.course.id));
  return {
    trainer: { id: trainer.id, name: trainer.name, email: trainer.email, active: trainer.active },
    qualifications: qualifications.map((q) => ({
      id: q.id,
      source: q.source,
      reason: q.reason,
      grantedOn: localDay(q.grantedAt),
      grantedBy: q.grantedById ? (nameOf.get(q.grantedById) ?? "") : "",
      withdrawnOn: q.withdrawnAt ? localDay(q.withdrawnAt) : null,
      withdrawReason: q.withdrawReason,
      course: q.course,
    })),
    // Every scored trial lecture, passed or not, with the panel's mean (decision 041).
    trials: trials.map((tr) => ({ id: tr.id, course: tr.course, score: tr.score, on: localDay(tr.startsAt) })),
    classes: {
      total: classCount,
      page,
      pages: pageCount(classCount),
      rows: classes.map((c) => ({
        id: c.id,
        day: localDay(c.startsAt),
        status: c.status,
        title: c.course ?? { titleZh: c.title, titleEn: c.title },
        attendees: c._count.attendees,
      })),
    },
    certificates: certificates.map((c) => ({ ...c, state: certificateState(c, today) })),
    trend,
    today,
    manages,
    // The courses HR may still grant: live courses the trainer is not qualified for.
    grantable: manages
      ? (
          await db.course.findMany({
            where: { status: { not: "retired" } },
            orderBy: [{ seriesId: "asc" }, { position: "asc" }],
            select: { id: true, titleZh: true, titleEn: true },
          })
        ).filter((c) => !qualifiedIds.has(c.id))
      : [],
  };
}
export type TrainerProfile = Awaited<ReturnType<typeof trainerProfile>>;
