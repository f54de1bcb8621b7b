// Qualification records: who may deliver which course, and why. HR grants and withdraws (with a
// reason, audited); a passed trial lecture qualifies; a course file's `trainers:` list seeds the
// first records only. Withdrawal stamps the row and keeps it (decision 036).
import { writeAudit, writeAuditMany } from "~/admin/audit.server";
import { managesTrainers } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, notFound } from "~/lib/errors";
import { initialToCreate, listedEmails, qualifiedForAll } from "./rules";
import type { GrantForm, WithdrawForm } from "./schemas";

export type Actor = Pick<SessionUser, "id" | "roles" | "name">;

const active = { withdrawnAt: null };

/** Whether the trainer holds a qualification for the course that has not been withdrawn. */
export async function isQualified(tx: Tx, trainerId: number, courseId: number): Promise<boolean> {
  const q = await tx.trainerQualification.findFirst({
    where: { trainerId, courseId, ...active },
    select: { id: true },
  });
  return q !== null;
}

/** Trainers qualified for every one of these courses (the modules of one request). */
export async function qualifiedTrainerIds(tx: Tx, courseIds: readonly number[]): Promise<Set<number>> {
  if (courseIds.length === 0) return new Set();
  const rows = await tx.trainerQualification.findMany({
    where: { courseId: { in: [...courseIds] }, ...active },
    select: { trainerId: true, courseId: true },
  });
  return qualifiedForAll(courseIds, rows);
}

/** A user who holds the TRAINER role, or a 404. */
export async function findTrainer(tx: Tx, trainerId: number) {
  const trainer = await tx.user.findFirst({
    where: { id: trainerId, roles: { some: { role: "TRAINER" } } },
    select: { id: true, name: true, email: true, active: true },
  });
  if (!trainer) throw notFound("trainers:err.notFound");
  return trainer;
}

export async function grantQualification(actor: Actor, trainerId: number, form: GrantForm, now = new Date()) {
  if (!managesTrainers(actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    await findTrainer(tx, trainerId);
    const course = await tx.course.findFirst({
      where: { id: form.courseId, status: { not: "retired" } },
      select: { id: true, slug: true, titleZh: true },
    });
    if (!course) throw invalid("trainers:err.course", { field: "courseId" });
    if (await isQualified(tx, trainerId, course.id))
      throw conflict("trainers:err.alreadyQualified", { field: "courseId" });
    const q = await tx.trainerQualification.create({
      data: {
        trainerId,
        courseId: course.id,
        source: "hr",
        grantedById: actor.id,
        reason: form.reason,
        grantedAt: now,
      },
      select: { id: true },
    });
    await writeAudit(
      tx,
      actor.id,
      "trainer.qualify",
      trainerId,
      { title: course.titleZh, reason: form.reason },
      { id: trainerId },
    );
    return q;
  });
}

export async function withdrawQualification(actor: Actor, trainerId: number, form: WithdrawForm, now = new Date()) {
  if (!managesTrainers(actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    await findTrainer(tx, trainerId);
    const q = await tx.trainerQualification.findFirst({
      where: { id: form.qualificationId, trainerId },
      select: { id: true, withdrawnAt: true, course: { select: { titleZh: true } } },
    });
    if (!q) throw notFound("trainers:err.notFound");
    if (q.withdrawnAt) throw conflict("trainers:err.alreadyWithdrawn");
    // Only a still-active row is stamped: a second withdrawal racing this one changes nothing.
    const { count } = await tx.trainerQualification.updateMany({
      where: { id: q.id, ...active },
      data: { withdrawnAt: now, withdrawnById: actor.id, withdrawReason: form.reason },
    });
    if (count === 0) throw conflict("trainers:err.alreadyWithdrawn");
    await writeAudit(
      tx,
      actor.id,
      "trainer.withdraw",
      trainerId,
      { title: q.course.titleZh, reason: form.reason },
      { id: trainerId },
    );
  });
}

/**
 * A passed trial lecture qualifies its trainer for the course (called by the trial-lecture step,
 * inside its transaction). Already qualified: nothing changes and the existing record is returned.
 */
export async function qualifyFromTrial(
  tx: Tx,
  p: { trainerId: number; courseId: number; projectId: number | null; score: number; actorId?: number | null },
  now = new Date(),
): Promise<{ id: number; created: boolean }> {
  const existing = await tx.trainerQualification.findFirst({
    where: { trainerId: p.trainerId, courseId: p.courseId, ...active },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const q = await tx.trainerQualification.create({
    data: {
      trainerId: p.trainerId,
      courseId: p.courseId,
      source: "trial",
      grantedById: p.actorId ?? null,
      projectId: p.projectId,
      score: p.score,
      grantedAt: now,
    },
    select: { id: true, course: { select: { titleZh: true } } },
  });
  await writeAudit(
    tx,
    p.actorId ?? null,
    "trainer.qualify-trial",
    p.trainerId,
    { title: q.course.titleZh, score: p.score },
    { id: p.trainerId },
  );
  return { id: q.id, created: true };
}

/**
 * The course files' `trainers:` lists as first qualifications: one "initial" record for each
 * listed trainer who has no record for that course yet, withdrawn ones included, so the file never
 * undoes HR. Reads only (no write) when there is nothing new. Returns how many were created.
 */
export async function syncInitialQualifications(): Promise<number> {
  const courses = await db.course.findMany({
    where: { status: { not: "retired" }, trainers: { not: "[]" } },
    select: { id: true, trainers: true, titleZh: true },
  });
  const listed = courses
    .map((c) => ({ courseId: c.id, emails: listedEmails(c.trainers) }))
    .filter((c) => c.emails.length);
  if (!listed.length) return 0;
  const emails = [...new Set(listed.flatMap((c) => c.emails))];
  const [trainers, existing] = await Promise.all([
    db.user.findMany({
      where: { email: { in: emails }, roles: { some: { role: "TRAINER" } } },
      select: { id: true, email: true },
    }),
    db.trainerQualification.findMany({
      where: { courseId: { in: listed.map((c) => c.courseId) } },
      select: { trainerId: true, courseId: true },
    }),
  ]);
  const byEmail = new Map(trainers.map((t) => [t.email.toLowerCase(), t.id]));
  const titleOf = new Map(courses.map((c) => [c.id, c.titleZh]));
  const missing = initialToCreate(listed, byEmail, existing);
  if (!missing.length) return 0;
  await db.$transaction(async (tx) => {
    await tx.trainerQualification.createMany({
      data: missing.map((m) => ({ ...m, source: "initial", reason: "" })),
    });
    await writeAuditMany(
      tx,
      missing.map((m) => ({
        actorId: null,
        action: "trainer.qualify-initial" as const,
        subjectId: m.trainerId,
        detail: { title: titleOf.get(m.courseId) },
        object: { id: m.trainerId },
      })),
    );
  });
  return missing.length;
}
