// Proctored sittings: a trainer or HR opens an exam for a window under a short code, trainees join
// with it, and attempts started while joined belong to the sitting. Decision record 025.
import { randomBytes } from "node:crypto";
import { writeAudit } from "~/admin/audit.server";
import { seesExamResults, type RoleHolder } from "~/auth/policy";
import { localDateTime } from "~/lib/clock";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, notFound } from "~/lib/errors";
import { PAGE_SIZE } from "~/lib/pagination";
import { sittingExamKeys } from "./content";
import { examContent } from "./content.server";
import { MAX_SITTING_MINUTES } from "./schemas";
import {
  codeFromBytes,
  CODE_LENGTH,
  inNetwork,
  isCode,
  normaliseCode,
  parseNetwork,
  sittingState,
} from "./sitting-rules";

type Actor = RoleHolder & { id: number };

export async function sittingExams(): Promise<string[]> {
  return sittingExamKeys((await examContent()).plan);
}

export async function openSitting(
  actor: Actor,
  input: { exam: string; opensAt: Date; minutes: number; network: string },
  now = new Date(),
) {
  if (!seesExamResults(actor)) throw forbidden();
  if (!(await sittingExams()).includes(input.exam)) throw invalid("sittings:err.exam", { field: "exam" });
  const network = input.network.trim();
  if (network && !parseNetwork(network)) throw invalid("sittings:err.network", { field: "network" });
  if (!(input.minutes >= 5 && input.minutes <= MAX_SITTING_MINUTES))
    throw invalid("sittings:err.minutes", { field: "minutes" });
  const closesAt = new Date(input.opensAt.getTime() + input.minutes * 60_000);
  if (closesAt.getTime() <= now.getTime()) throw invalid("sittings:err.past", { field: "opensAt" });
  // A clash of six symbols out of 32⁶ is rare; a few tries make it vanishing.
  for (let tries = 0; tries < 5; tries++) {
    const code = codeFromBytes(randomBytes(CODE_LENGTH));
    const taken = await db.examSitting.findUnique({ where: { code }, select: { id: true } });
    if (taken) continue;
    return db.$transaction(async (tx) => {
      const s = await tx.examSitting.create({
        data: { exam: input.exam, code, opensAt: input.opensAt, closesAt, network, createdById: actor.id },
        select: { id: true, code: true },
      });
      await writeAudit(
        tx,
        actor.id,
        "exam.sitting-opened",
        null,
        { exam: input.exam, network },
        { kind: "exam-sitting", id: s.id },
      );
      return s;
    });
  }
  throw conflict("common:error.409");
}

export async function listSittings(page: number) {
  const [total, rows] = await Promise.all([
    db.examSitting.count(),
    db.examSitting.findMany({
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        exam: true,
        code: true,
        opensAt: true,
        closesAt: true,
        closedAt: true,
        network: true,
        createdBy: { select: { name: true } },
        _count: { select: { members: true } },
      },
    }),
  ]);
  return { total, rows };
}

export type MemberProgress = "joined" | "in-progress" | "submitted" | "voided";

/** The sitting and, per trainee who joined, their latest attempt in it and how far they got. */
export async function sittingView(id: number, now = new Date()) {
  const s = await db.examSitting.findUnique({
    where: { id },
    select: {
      id: true,
      exam: true,
      code: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      network: true,
      createdBy: { select: { name: true } },
      members: {
        orderBy: { joinedAt: "asc" },
        select: { joinedAt: true, ip: true, user: { select: { id: true, name: true, employeeNo: true } } },
      },
      attempts: {
        orderBy: { id: "desc" },
        select: {
          id: true,
          userId: true,
          status: true,
          startedAt: true,
          closedAt: true,
          voidedAt: true,
          voidReason: true,
          result: { select: { id: true, score: true, passed: true, valid: true } },
        },
      },
    },
  });
  if (!s) return null;
  const { attempts, members, ...sitting } = s;
  const people = members.map((m) => {
    const mine = attempts.filter((a) => a.userId === m.user.id);
    const latest = mine[0] ?? null;
    const progress: MemberProgress = !latest
      ? "joined"
      : latest.voidedAt
        ? "voided"
        : latest.status === "open"
          ? "in-progress"
          : "submitted";
    return { ...m, progress, latest, attempts: mine.length };
  });
  return { sitting: { ...sitting, state: sittingState(sitting, now) }, people };
}

export async function closeSitting(actor: Actor, id: number, now = new Date()) {
  if (!seesExamResults(actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    const s = await tx.examSitting.findUnique({ where: { id }, select: { closedAt: true, closesAt: true } });
    if (!s) throw notFound();
    if (s.closedAt || s.closesAt.getTime() <= now.getTime()) throw conflict("sittings:err.closed");
    await tx.examSitting.update({ where: { id }, data: { closedAt: now } });
    await writeAudit(tx, actor.id, "exam.sitting-closed", null, {}, { kind: "exam-sitting", id });
  });
}

/**
 * A trainee joins with the code. Refuses (and stores nothing) an unknown code, a sitting not open
 * yet or already closed, and an address outside the sitting's network.
 */
export async function joinSitting(userId: number, rawCode: string, ip: string, now = new Date()) {
  const code = normaliseCode(rawCode);
  if (!isCode(code)) throw invalid("sittings:err.code", { field: "code" });
  const s = await db.examSitting.findUnique({
    where: { code },
    select: { id: true, exam: true, opensAt: true, closesAt: true, closedAt: true, network: true },
  });
  if (!s) throw invalid("sittings:err.code", { field: "code" });
  const state = sittingState(s, now);
  if (state === "upcoming") throw invalid("sittings:err.notYet", { params: { at: localDateTime(s.opensAt) } });
  if (state === "closed") throw invalid("sittings:err.closed");
  if (!inNetwork(ip, s.network)) throw forbidden("sittings:err.network-outside");
  await db.examSittingMember.upsert({
    where: { sittingId_userId: { sittingId: s.id, userId } },
    create: { sittingId: s.id, userId, ip },
    update: {},
  });
  return { sittingId: s.id, exam: s.exam };
}

/** The open sitting of `exam` this trainee has joined, if any: an attempt begun now belongs to it. */
export async function joinedSitting(tx: Tx, userId: number, exam: string, now: Date): Promise<number | null> {
  const m = await tx.examSittingMember.findFirst({
    where: {
      userId,
      sitting: { exam, closedAt: null, opensAt: { lte: now }, closesAt: { gt: now } },
    },
    orderBy: { joinedAt: "desc" },
    select: { sittingId: true },
  });
  return m?.sittingId ?? null;
}

/** Sittings a trainee has joined that are still open, for the join page. */
export function myOpenSittings(userId: number, now = new Date()) {
  return db.examSitting.findMany({
    where: { members: { some: { userId } }, closedAt: null, opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: { id: "desc" },
    select: { id: true, exam: true, closesAt: true },
  });
}
