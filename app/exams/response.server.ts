// The response-time drill: a scripted customer whose messages the server releases one by one.
import { db, type Tx } from "~/lib/db.server";
import { invalid, notFound } from "~/lib/errors";
import {
  beginAttempt,
  claimAttempt,
  closeAttempt,
  createResult,
  limitsFor,
  newToken,
  openTimedAttempt,
  type ClaimedAttempt,
} from "./attempts.server";
import type { DrillScript, PlanExam } from "./content";
import type { ExamContent } from "./content-load.server";
import { examContent, phraseMap, planExam } from "./content.server";
import { describeMissed } from "./drill-facts";
import { insertAttemptSql, startChecks, versionIdOf, withinLimits } from "./fast-start.server";
import { pickScript } from "./scoring/draw";
import { shownAt } from "./scoring/human-timing";
import { responsePassed, responseValid, scoreResponse, type ResponsePassMark } from "./scoring/response";
import { outcomes, recordAck, recordReply, release, sequenceEvents } from "./sequence.server";

const EXAM = "response";
const MAX_REPLY = 2000;

export interface ResponseSetup {
  scriptId: string;
  order: string[];
  mark: ResponsePassMark;
  script: DrillScript;
  phrases: Record<string, string>;
}

function passMark(exam: PlanExam | undefined): ResponsePassMark {
  return exam?.kind === "response"
    ? { maxMeanSeconds: exam.maxMeanSeconds, maxP90Seconds: exam.maxP90Seconds, minComplete: exam.minComplete }
    : { maxMeanSeconds: 30, maxP90Seconds: 60, minComplete: 0.8 };
}

/** The scripts in rotation: the one the plan names, or else every valid script. */
function scriptsInRotation(content: ExamContent): DrillScript[] {
  const exam = planExam(content, EXAM);
  const pinned = exam?.kind === "response" ? exam.script : undefined;
  const named = pinned ? content.scripts.filter((s) => s.id === pinned) : [];
  return named.length ? named : content.scripts;
}

/** When the trainee last started each script (ms), from their drill attempts. */
async function lastTakenBy(userId: number): Promise<Map<string, number>> {
  const rows = await db.examAttempt.findMany({
    where: { userId, exam: EXAM },
    select: { startedAt: true, contentVersion: { select: { key: true } } },
  });
  const last = new Map<string, number>();
  for (const r of rows) {
    const t = r.startedAt.getTime();
    if (t > (last.get(r.contentVersion.key) ?? -Infinity)) last.set(r.contentVersion.key, t);
  }
  return last;
}

/** The script this trainee gets: the one they have gone longest without, ties at random. */
async function scriptFor(userId: number, random: () => number) {
  const content = await examContent();
  const scripts = scriptsInRotation(content);
  const id = pickScript(
    scripts.map((s) => s.id),
    await lastTakenBy(userId),
    random,
  );
  const script = scripts.find((s) => s.id === id);
  if (!script) throw notFound("exams:err.noContent");
  return { script, mark: passMark(planExam(content, EXAM)), content };
}

export async function responseOverview() {
  const content = await examContent();
  const scripts = scriptsInRotation(content);
  if (scripts.length === 0) throw notFound("exams:err.noContent");
  return {
    scripts: scripts.length,
    timeLimitSeconds: Math.max(...scripts.map((s) => s.timeLimitSeconds)),
    mark: passMark(planExam(content, EXAM)),
    faq: content.faq,
  };
}

export async function startResponse(userId: number, random: () => number = Math.random) {
  const { script, mark, content } = await scriptFor(userId, random);
  const [first] = script.messages;
  if (!first) throw notFound("exams:err.noContent");
  const phrases = Object.fromEntries(phraseMap(content));
  const setup: ResponseSetup = {
    scriptId: script.id,
    order: script.messages.map((m) => m.id),
    mark,
    script,
    phrases,
  };
  const version = { kind: "script", key: script.id, data: script };
  const limit = script.timeLimitSeconds * 1000;
  const started = (attemptId: number, token: string, now: Date) => ({
    token,
    attemptId,
    message: { id: first.id, text: first.text, releasedAt: now.toISOString() },
    timeLimitSeconds: script.timeLimitSeconds,
    script: { title: script.title, customer: script.customer, messages: script.messages.length },
  });
  // The common case: one read, then the attempt and its first message in one short batch of
  // two guarded statements (fast-start.server.ts); otherwise the full path below.
  const checked = new Date();
  const checks = await startChecks(userId, EXAM, checked, version);
  const versionId = await versionIdOf(checks, version);
  if (checks.open === 0 && withinLimits(checks, await limitsFor(EXAM), checked)) {
    const now = new Date();
    const end = new Date(now.getTime() + limit);
    const attempt = {
      userId,
      exam: EXAM,
      contentVersionId: versionId,
      startedAt: now,
      deadlineAt: end,
      expiresAt: end,
    };
    const { token, tokenHash } = newToken();
    const [rows] = await db.$transaction([
      db.$queryRaw<{ id: number | bigint }[]>(insertAttemptSql({ ...attempt, setup }, checks.sittingId, tokenHash)),
      db.$executeRaw`
        INSERT INTO "ExamEvent" ("attemptId", "seq", "type", "ref", "body", "at")
        SELECT a."id", 0, 'release', ${first.id}, '', ${now} FROM "ExamAttempt" a WHERE a."tokenHash" = ${tokenHash}`,
    ]);
    const id = rows[0]?.id;
    if (id !== undefined) return started(Number(id), token, now);
  }
  return db.$transaction(async (tx) => {
    const now = new Date();
    await beginAttempt(tx, userId, EXAM, now);
    const { attemptId, token } = await openTimedAttempt(tx, {
      userId,
      exam: EXAM,
      contentVersionId: versionId,
      startedAt: now,
      limitMs: limit,
      setup,
    });
    await release(tx, attemptId, 0, first.id, now);
    return started(attemptId, token, now);
  });
}

async function finish(
  tx: Tx,
  attempt: ClaimedAttempt,
  setup: ResponseSetup,
  closedAt: Date,
  status: "submitted" | "expired",
) {
  const events = await sequenceEvents(tx, attempt.id);
  const phrases = new Map(Object.entries(setup.phrases));
  const byId = new Map(setup.script.messages.map((m) => [m.id, m]));
  const done = new Map(outcomes(events, setup.order).map((o) => [o.ref, o]));
  // Every message of the script is scored: those never released or never answered count the
  // drill's whole time limit.
  const figures = scoreResponse(
    setup.order.map((id) => {
      const o = done.get(id);
      return {
        messageId: id,
        text: byId.get(id)?.text ?? "",
        releasedAt: o?.releasedAt ?? closedAt.getTime(),
        shownAt: o ? shownAt(o.releasedAt, o.ackAt) : undefined,
        repliedAt: o?.repliedAt ?? null,
        reply: o?.body ?? "",
        facts: byId.get(id)?.facts ?? [],
      };
    }),
    phrases,
    {
      limitSeconds: setup.script.timeLimitSeconds,
      scriptFacts: setup.script.messages.map((m) => ({ messageId: m.id, facts: m.facts })),
    },
  );
  const valid = responseValid(figures);
  await closeAttempt(tx, attempt, valid ? status : "invalid", closedAt, valid ? undefined : "too-fast");
  const misses = figures.perMessage
    .filter((p) => !p.complete)
    .map((p) => ({
      messageId: p.messageId,
      text: byId.get(p.messageId)?.text ?? "",
      missing: p.missing,
      facts: describeMissed(p.missing, byId.get(p.messageId)?.facts ?? [], setup.phrases),
    }));
  const result = await createResult(tx, {
    userId: attempt.userId,
    exam: EXAM,
    attemptId: attempt.id,
    passed: responsePassed(figures, setup.mark),
    valid,
    score: figures.mean,
    figures: { ...figures, mark: setup.mark, scriptId: setup.scriptId },
    misses,
  });
  return result.id;
}

export type ReplyOutcome =
  { done: false; next: { id: string; text: string; releasedAt: string } } | { done: true; resultId: number };

/** A reply to the message that is out. When time is up, the drill is closed and scored instead. */
export async function replyResponse(
  userId: number,
  token: unknown,
  messageId: string,
  text: string,
  now = new Date(),
): Promise<ReplyOutcome> {
  const reply = text.trim().slice(0, MAX_REPLY);
  if (!reply) throw invalid("exams:err.emptyReply");
  const outcome = await db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, EXAM, now, true);
    const setup = JSON.parse(attempt.setup) as ResponseSetup;
    if (now.getTime() > attempt.expiresAt.getTime())
      return { expired: await finish(tx, attempt, setup, attempt.deadlineAt, "expired") };
    // Stored as sent: scoring expands the shortcuts and counts them.
    const { next } = await recordReply(tx, attempt, setup.order, messageId, reply, now);
    if (!next) return { done: true as const, resultId: await finish(tx, attempt, setup, now, "submitted") };
    const m = setup.script.messages.find((x) => x.id === next)!;
    return { done: false as const, next: { id: m.id, text: m.text, releasedAt: now.toISOString() } };
  });
  if ("expired" in outcome) throw invalid("exams:err.timeUp", { params: { resultId: outcome.expired ?? 0 } });
  return outcome;
}

/** The page has shown the message that is out: its response time counts from now (within a grace). */
export async function ackResponse(userId: number, token: unknown, messageId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, EXAM, now);
    await recordAck(tx, attempt, messageId, now);
  });
  return { acked: messageId };
}

/** Ends the drill now (the trainee gives up, or the page's timer ran out). */
export async function finishResponse(userId: number, token: unknown, now = new Date()) {
  return db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, EXAM, now, true);
    const setup = JSON.parse(attempt.setup) as ResponseSetup;
    const closedAt = now.getTime() > attempt.deadlineAt.getTime() ? attempt.deadlineAt : now;
    return finish(tx, attempt, setup, closedAt, closedAt === now ? "submitted" : "expired");
  });
}
