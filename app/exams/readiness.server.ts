// Readiness for duty from the plan and the stored results; the cohort view aggregates in SQL.
import { db } from "~/lib/db.server";
import { PAGE_SIZE } from "~/lib/pagination";
import { examKey, sittingRequiredKeys } from "./content";
import { examContent } from "./content.server";
import { readiness, type ResultForReadiness } from "./scoring/readiness";

export async function planInfo() {
  const plan = (await examContent()).plan;
  return {
    plan,
    keys: plan ? plan.exams.map(examKey) : [],
    validityDays: plan?.validityDays ?? 90,
    sittingRequired: sittingRequiredKeys(plan),
  };
}

/** `tries`: the latest result of each exam of the plan, when the caller read them already. */
export async function readinessFor(userId: number, now = new Date(), tries?: { exam: string; at: Date }[]) {
  const { plan, keys, validityDays, sittingRequired } = await planInfo();
  if (!plan) return null;
  const rows = await resultsFor([userId], keys, sittingRequired, tries);
  return { planTitle: plan.title, validityDays, ...readiness(keys, validityDays, rows.get(userId) ?? [], now) };
}

/** Latest valid pass per (user, exam), plus whether anything was attempted: two grouped queries. */
async function resultsFor(
  userIds: number[],
  keys: string[],
  sittingRequired: string[],
  knownTries?: { exam: string; at: Date }[],
) {
  const where = { userId: { in: userIds }, exam: { in: keys } };
  const [passes, tries] = await Promise.all([
    db.examResult.groupBy({
      by: ["userId", "exam"],
      // A drill score that a correction replaced no longer counts.
      where: {
        ...where,
        passed: true,
        valid: true,
        NOT: [
          { drill: { is: { supersededBy: { isNot: null } } } },
          // Voided attempts, and exams the plan requires in a sitting taken outside one (decision 025).
          { attempt: { is: { voidedAt: { not: null } } } },
          { exam: { in: sittingRequired }, OR: [{ attemptId: null }, { attempt: { is: { sittingId: null } } }] },
        ],
      },
      _max: { createdAt: true },
    }),
    knownTries
      ? knownTries.map((t) => ({ userId: userIds[0]!, exam: t.exam, _max: { createdAt: t.at as Date | null } }))
      : db.examResult.groupBy({ by: ["userId", "exam"], where, _max: { createdAt: true } }),
  ]);
  const out = new Map<number, ResultForReadiness[]>();
  const push = (userId: number, r: ResultForReadiness) => out.set(userId, [...(out.get(userId) ?? []), r]);
  for (const p of passes)
    if (p._max.createdAt) push(p.userId, { exam: p.exam, passed: true, valid: true, at: p._max.createdAt });
  for (const t of tries)
    if (t._max.createdAt) push(t.userId, { exam: t.exam, passed: false, valid: true, at: t._max.createdAt });
  return out;
}

export function listTeams() {
  return db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function teamCohort(teamId: number | null, now = new Date()) {
  const { plan, keys, validityDays, sittingRequired } = await planInfo();
  const members = await db.user.findMany({
    where: { active: true, roles: { some: { role: "TRAINEE" } }, ...(teamId ? { teamId } : {}) },
    select: { id: true, name: true, employeeNo: true, team: { select: { name: true } } },
    orderBy: [{ teamId: "asc" }, { name: "asc" }],
    take: 500,
  });
  const rows = await resultsFor(
    members.map((m) => m.id),
    keys,
    sittingRequired,
  );
  const people = members.map((m) => ({ ...m, readiness: readiness(keys, validityDays, rows.get(m.id) ?? [], now) }));
  return {
    plan: plan ? { title: plan.title, validityDays } : null,
    keys,
    people,
    ready: people.filter((p) => p.readiness.ready).length,
  };
}

export async function attemptHistory(userId: number, page: number) {
  const [total, rows, points] = await Promise.all([
    db.examResult.count({ where: { userId } }),
    db.examResult.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        exam: true,
        passed: true,
        valid: true,
        score: true,
        createdAt: true,
        attempt: { select: { sittingId: true, voidedAt: true, voidReason: true } },
      },
    }),
    db.examResult.findMany({
      where: {
        userId,
        valid: true,
        exam: { in: ["typing:zh", "typing:en", "response"] },
        NOT: { attempt: { is: { voidedAt: { not: null } } } },
      },
      orderBy: { id: "asc" },
      take: 500,
      select: { exam: true, score: true, createdAt: true },
    }),
  ]);
  return { total, rows, points };
}

export async function getResult(id: number) {
  return db.examResult.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      exam: true,
      attemptId: true,
      passed: true,
      valid: true,
      score: true,
      figures: true,
      misses: true,
      createdAt: true,
      user: { select: { name: true } },
      attempt: {
        select: {
          invalidReason: true,
          voidedAt: true,
          voidReason: true,
          voidedBy: { select: { name: true } },
          sitting: { select: { id: true, code: true, createdBy: { select: { name: true } } } },
        },
      },
      drill: { select: { notes: true, scenario: true, trainer: { select: { name: true } } } },
    },
  });
}

export function userName(id: number) {
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, employeeNo: true } });
}
