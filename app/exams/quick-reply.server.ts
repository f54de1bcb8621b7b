// The quick-reply test: customer questions drawn at random from the FAQ library; the trainee
// answers each with the right phrase, by shortcut or in full. One question is out at a time.
import { randomBytes } from "node:crypto";
import { db, type Tx } from "~/lib/db.server";
import { invalid, notFound } from "~/lib/errors";
import {
  beginAttempt,
  claimAttempt,
  closeAttempt,
  createResult,
  openTimedAttempt,
  type ClaimedAttempt,
} from "./attempts.server";
import { contentVersionId, examContent, planExam } from "./content.server";
import { shownAt, tooFast } from "./scoring/human-timing";
import { quickReplyCorrect, quickReplyPassed, scoreQuickReply, type QuickReplyPassMark } from "./scoring/quick-reply";
import { drawQuestions } from "./scoring/quiz";
import { outcomes, recordAck, recordReply, release, sequenceEvents } from "./sequence.server";

const EXAM = "quick-reply";
const SECONDS_PER_QUESTION = 60;

interface Item {
  id: string;
  question: string;
  shortcut: string;
  text: string;
  category: string;
}

export interface QuickReplySetup {
  order: string[];
  items: Item[];
  mark: QuickReplyPassMark;
}

async function settings() {
  const content = await examContent();
  const exam = planExam(content, EXAM);
  const pool: Item[] = content.faq.flatMap((c) =>
    c.phrases.flatMap((p) =>
      p.questions.map((q, i) => ({
        id: `${p.shortcut}-${i + 1}`,
        question: q,
        shortcut: p.shortcut,
        text: p.text,
        category: c.category,
      })),
    ),
  );
  const n = exam?.kind === "quick-reply" ? exam.questions : 8;
  const mark: QuickReplyPassMark =
    exam?.kind === "quick-reply"
      ? { minCorrect: exam.minCorrect, maxMeanSeconds: exam.maxMeanSeconds }
      : { minCorrect: 0.8, maxMeanSeconds: 20 };
  return { content, pool, n: Math.min(n, pool.length), mark };
}

export async function quickReplyOverview() {
  const { content, n, mark } = await settings();
  return { questions: n, mark, faq: content.faq };
}

export async function startQuickReply(userId: number, random: () => number = Math.random) {
  const { content, pool, n, mark } = await settings();
  if (n === 0) throw notFound("exams:err.noContent");
  // The page sees only a random id per question; which phrase it asks for stays on the server.
  const items = drawQuestions(pool, n, random).map((i) => ({ ...i, id: `q-${randomBytes(8).toString("hex")}` }));
  const [first] = items;
  if (!first) throw notFound("exams:err.noContent");
  return db.$transaction(async (tx) => {
    const now = new Date();
    await beginAttempt(tx, userId, EXAM, now);
    const setup: QuickReplySetup = { order: items.map((i) => i.id), items, mark };
    const versionId = await contentVersionId(tx, "faq", "library", content.faq);
    const limit = n * SECONDS_PER_QUESTION * 1000;
    const { attemptId, token } = await openTimedAttempt(tx, {
      userId,
      exam: EXAM,
      contentVersionId: versionId,
      startedAt: now,
      limitMs: limit,
      setup,
    });
    await release(tx, attemptId, 0, first.id, now);
    return {
      token,
      attemptId,
      total: n,
      question: { id: first.id, text: first.question, index: 1 },
      timeLimitSeconds: limit / 1000,
    };
  });
}

async function finish(
  tx: Tx,
  attempt: ClaimedAttempt,
  setup: QuickReplySetup,
  closedAt: Date,
  status: "submitted" | "expired",
) {
  const events = await sequenceEvents(tx, attempt.id);
  const byId = new Map(setup.items.map((i) => [i.id, i]));
  const done = outcomes(events, setup.order);
  const list = setup.order.map((id) => {
    const o = done.find((d) => d.ref === id);
    const item = byId.get(id)!;
    const shown = o ? shownAt(o.releasedAt, o.ackAt) : closedAt.getTime();
    return {
      questionId: id,
      releasedAt: shown,
      answeredAt: o?.repliedAt ?? null,
      correct: o ? quickReplyCorrect(o.body, item) : false,
      // No phrase panel here: every character of the answer was typed.
      tooFast: o?.repliedAt != null && tooFast(shown, o.repliedAt, item.question, o.body, new Map()),
    };
  });
  const figures = scoreQuickReply(list, closedAt.getTime());
  const valid = figures.tooFast.length === 0;
  await closeAttempt(tx, attempt, valid ? status : "invalid", closedAt, valid ? undefined : "too-fast");
  const misses = figures.perQuestion
    .filter((p) => !p.correct)
    .map((p) => {
      const item = byId.get(p.questionId)!;
      return {
        question: item.question,
        expected: `/${item.shortcut}`,
        text: item.text,
        answered: done.find((d) => d.ref === p.questionId)?.body ?? "",
      };
    });
  const result = await createResult(tx, {
    userId: attempt.userId,
    exam: EXAM,
    attemptId: attempt.id,
    passed: valid && quickReplyPassed(figures, setup.mark),
    valid,
    score: figures.correctShare * 100,
    figures: { ...figures, mark: setup.mark },
    misses,
  });
  return result.id;
}

export type AnswerOutcome =
  { done: false; next: { id: string; text: string; index: number } } | { done: true; resultId: number };

export async function answerQuickReply(
  userId: number,
  token: unknown,
  questionId: string,
  answer: string,
  now = new Date(),
): Promise<AnswerOutcome> {
  const text = answer.trim().slice(0, 1000);
  if (!text) throw invalid("exams:err.emptyReply");
  const outcome = await db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, EXAM, now, true);
    const setup = JSON.parse(attempt.setup) as QuickReplySetup;
    if (now.getTime() > attempt.expiresAt.getTime())
      return { expired: await finish(tx, attempt, setup, attempt.deadlineAt, "expired") };
    const { next } = await recordReply(tx, attempt, setup.order, questionId, text, now);
    if (!next) return { done: true as const, resultId: await finish(tx, attempt, setup, now, "submitted") };
    const item = setup.items.find((i) => i.id === next)!;
    return { done: false as const, next: { id: item.id, text: item.question, index: setup.order.indexOf(next) + 1 } };
  });
  if ("expired" in outcome) throw invalid("exams:err.timeUp", { params: { resultId: outcome.expired ?? 0 } });
  return outcome;
}

/** The page has shown the question that is out: its answer time counts from now (within a grace). */
export async function ackQuickReply(userId: number, token: unknown, questionId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, EXAM, now);
    await recordAck(tx, attempt, questionId, now);
  });
  return { acked: questionId };
}
