// Knowledge quizzes: a random draw per attempt, a time limit the server keeps, one open attempt
// at a time and a cooldown before a retake. Answers are timestamped on arrival; those that
// arrive after the limit are not counted.
import { db } from "~/lib/db.server";
import { forbidden, invalid, notFound, rateLimited } from "~/lib/errors";
import { claimAttempt, closeAttempt, createResult, newToken, openAttempt } from "./attempts.server";
import type { Question, QuestionBank } from "./content";
import { examContent } from "./content.server";
import { insertAttempt, startChecks, versionIdOf } from "./fast-start.server";
import { drawQuestions, foreignAnswers, gradeQuiz, type Answer } from "./scoring/quiz";

/** Network slack: an answer sent just before the limit still counts. */
const LATE_GRACE_MS = 5000;
/** A token stays usable a little after the limit, so a late submission closes the attempt. */
const EXPIRY_AFTER_LIMIT_MS = 10 * 60_000;

export interface QuizSetup {
  bankId: string;
  questionIds: string[];
  passMark: number;
}

/** What the browser may see of a question: never the answer. */
export function publicQuestion(q: Question) {
  return {
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    choices: "choices" in q ? Object.entries(q.choices).map(([key, text]) => ({ key, text })) : [],
  };
}

export async function getBank(bankId: string): Promise<QuestionBank> {
  const bank = (await examContent()).banks.find((b) => b.id === bankId);
  if (!bank) throw notFound();
  return bank;
}

export async function listBanks() {
  return (await examContent()).banks.map((b) => ({
    id: b.id,
    title: b.title,
    draw: b.draw,
    timeLimitMinutes: b.timeLimitMinutes,
    passMark: b.passMark,
  }));
}

export async function quizState(userId: number, bank: QuestionBank, now = new Date()) {
  const exam = `quiz:${bank.id}`;
  const [open, last] = await Promise.all([
    db.examAttempt.findFirst({
      where: { userId, exam, status: "open", expiresAt: { gt: now } },
      select: { id: true, deadlineAt: true },
      orderBy: { id: "desc" },
    }),
    db.examAttempt.findFirst({
      where: { userId, exam, status: { not: "open" } },
      select: { closedAt: true, startedAt: true },
      orderBy: { id: "desc" },
    }),
  ]);
  const lastClosed = last?.closedAt ?? last?.startedAt ?? null;
  const retakeAt = lastClosed ? new Date(lastClosed.getTime() + bank.cooldownMinutes * 60_000) : null;
  return {
    open: open ? { deadlineAt: open.deadlineAt } : null,
    retakeAt: retakeAt && retakeAt > now ? retakeAt : null,
  };
}

/**
 * Starts an attempt, or continues the open one with a fresh token (the old token stops working,
 * so only the latest page can answer). Refused during the cooldown after a finished attempt.
 */
export async function startQuiz(
  userId: number,
  bank: QuestionBank,
  random: () => number = Math.random,
  now = new Date(),
) {
  const exam = `quiz:${bank.id}`;
  // The common case (no open attempt, no cool-down): one read and one guarded INSERT, and the
  // questions come from the bank in memory, the very version the attempt records.
  const version = { kind: "bank", key: bank.id, data: bank };
  const checks = await startChecks(userId, exam, now, version);
  const versionId = await versionIdOf(checks, version);
  const cooledAt = checks.lastClosedAt && checks.lastClosedAt.getTime() + bank.cooldownMinutes * 60_000;
  if (checks.open === 0 && !(cooledAt && cooledAt > now.getTime())) {
    const drawn = drawQuestions(bank.questions, bank.draw, random);
    const setup: QuizSetup = { bankId: bank.id, questionIds: drawn.map((q) => q.id), passMark: bank.passMark };
    const deadlineAt = new Date(now.getTime() + bank.timeLimitMinutes * 60_000);
    const expiresAt = new Date(deadlineAt.getTime() + EXPIRY_AFTER_LIMIT_MS);
    const attempt = { userId, exam, contentVersionId: versionId, startedAt: now, deadlineAt, expiresAt, setup };
    const fast = await insertAttempt(attempt, checks.sittingId);
    if (fast) {
      const { attemptId, token } = fast;
      return { token, attemptId, deadlineAt, questionIds: setup.questionIds, resumed: false, questions: drawn };
    }
  }
  return db.$transaction(async (tx) => {
    const open = await tx.examAttempt.findFirst({
      where: { userId, exam, status: "open" },
      select: { id: true, expiresAt: true, setup: true, deadlineAt: true },
      orderBy: { id: "desc" },
    });
    if (open && open.expiresAt > now) {
      const { token, tokenHash } = newToken();
      await tx.examAttempt.update({ where: { id: open.id }, data: { tokenHash }, select: { id: true } });
      return {
        token,
        attemptId: open.id,
        deadlineAt: open.deadlineAt,
        questionIds: (JSON.parse(open.setup) as QuizSetup).questionIds,
        resumed: true,
        questions: null,
      };
    }
    if (open)
      await tx.examAttempt.update({
        where: { id: open.id },
        data: { status: "expired", closedAt: open.expiresAt },
        select: { id: true },
      });
    const last = await tx.examAttempt.findFirst({
      where: { userId, exam, status: { not: "open" } },
      select: { closedAt: true, startedAt: true },
      orderBy: { id: "desc" },
    });
    const lastClosed = last?.closedAt ?? last?.startedAt;
    if (lastClosed && lastClosed.getTime() + bank.cooldownMinutes * 60_000 > now.getTime()) {
      throw rateLimited("exams:err.cooldown", {
        params: { at: new Date(lastClosed.getTime() + bank.cooldownMinutes * 60_000).toISOString() },
      });
    }
    const drawn = drawQuestions(bank.questions, bank.draw, random);
    const setup: QuizSetup = { bankId: bank.id, questionIds: drawn.map((q) => q.id), passMark: bank.passMark };
    const deadlineAt = new Date(now.getTime() + bank.timeLimitMinutes * 60_000);
    const { attemptId, token } = await openAttempt(tx, {
      userId,
      exam,
      contentVersionId: versionId,
      startedAt: now,
      deadlineAt,
      expiresAt: new Date(deadlineAt.getTime() + EXPIRY_AFTER_LIMIT_MS),
      setup,
    });
    return { token, attemptId, deadlineAt, questionIds: setup.questionIds, resumed: false, questions: drawn };
  });
}

/** The drawn questions of an attempt, from the content version it took (not today's file). */
export async function attemptQuestions(attemptId: number, userId: number) {
  const attempt = await db.examAttempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, setup: true, contentVersion: { select: { data: true } } },
  });
  if (!attempt || attempt.userId !== userId) throw forbidden("exams:err.token");
  const bank = JSON.parse(attempt.contentVersion.data) as QuestionBank;
  const ids = (JSON.parse(attempt.setup) as QuizSetup).questionIds;
  return ids.map((id) => bank.questions.find((q) => q.id === id)!).filter(Boolean);
}

export type QuizAnswers = Map<string, Answer>;

function checkDraw(setup: QuizSetup, answers: QuizAnswers) {
  const foreign = foreignAnswers(setup.questionIds, answers.keys());
  if (foreign.length) throw invalid("exams:err.notInDraw", { params: { ids: foreign.join(", ") } });
}

/** Saves answers as they are given (the page does this on each change); late ones are refused. */
export async function saveQuizAnswers(
  userId: number,
  bankId: string,
  token: unknown,
  answers: QuizAnswers,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, `quiz:${bankId}`, now);
    const setup = JSON.parse(attempt.setup) as QuizSetup;
    checkDraw(setup, answers);
    if (now.getTime() > attempt.deadlineAt.getTime() + LATE_GRACE_MS) throw invalid("exams:err.timeUp");
    const last = await tx.examEvent.findFirst({
      where: { attemptId: attempt.id },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    let seq = (last?.seq ?? -1) + 1;
    for (const [ref, value] of answers) {
      await tx.examEvent.create({
        data: { attemptId: attempt.id, seq: seq++, type: "answer", ref, body: JSON.stringify(value), at: now },
        select: { id: true },
      });
    }
    return { saved: answers.size };
  });
}

/** Closes the attempt and grades it from the answers that arrived within the limit. */
export async function submitQuiz(
  userId: number,
  bankId: string,
  token: unknown,
  answers: QuizAnswers,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, `quiz:${bankId}`, now);
    const setup = JSON.parse(attempt.setup) as QuizSetup;
    checkDraw(setup, answers);
    const inTime = now.getTime() <= attempt.deadlineAt.getTime() + LATE_GRACE_MS;
    const saved = await tx.examEvent.findMany({
      where: {
        attemptId: attempt.id,
        type: "answer",
        at: { lte: new Date(attempt.deadlineAt.getTime() + LATE_GRACE_MS) },
      },
      orderBy: { seq: "asc" },
      select: { ref: true, body: true },
    });
    const final: QuizAnswers = new Map(saved.map((e) => [e.ref, JSON.parse(e.body) as Answer]));
    if (inTime) {
      for (const [ref, value] of answers) final.set(ref, value);
      const last = await tx.examEvent.findFirst({
        where: { attemptId: attempt.id },
        orderBy: { seq: "desc" },
        select: { seq: true },
      });
      let seq = (last?.seq ?? -1) + 1;
      for (const [ref, value] of answers) {
        await tx.examEvent.create({
          data: { attemptId: attempt.id, seq: seq++, type: "answer", ref, body: JSON.stringify(value), at: now },
          select: { id: true },
        });
      }
    }
    const bank = JSON.parse(
      (
        await tx.examContentVersion.findUniqueOrThrow({
          where: { id: attempt.contentVersionId },
          select: { data: true },
        })
      ).data,
    ) as QuestionBank;
    const drawn = setup.questionIds.map((id) => bank.questions.find((q) => q.id === id)!).filter(Boolean);
    const figures = gradeQuiz(drawn, final);
    await closeAttempt(tx, attempt, "submitted", now);
    const misses = figures.graded
      .filter((g) => !g.correct)
      .map((g) => {
        const q = drawn.find((d) => d.id === g.questionId)!;
        return {
          questionId: q.id,
          prompt: q.prompt,
          answered: g.answered,
          missingKeywords: g.missingKeywords,
          explanation: q.explanation,
          right: rightAnswer(q),
        };
      });
    const result = await createResult(tx, {
      userId,
      exam: attempt.exam,
      attemptId: attempt.id,
      passed: figures.percent >= setup.passMark,
      valid: true,
      score: figures.percent,
      figures: {
        percent: figures.percent,
        correct: figures.correct,
        total: figures.total,
        late: !inTime,
        passMark: setup.passMark,
        items: Object.fromEntries(figures.graded.map((g) => [g.questionId, g.correct])),
      },
      misses,
    });
    return { resultId: result.id, figures };
  });
}

function rightAnswer(q: Question): string {
  switch (q.type) {
    case "single":
      return `${q.answer}. ${q.choices[q.answer]}`;
    case "multiple":
      return q.answer.map((a) => `${a}. ${q.choices[a]}`).join("; ");
    case "truefalse":
      return String(q.answer);
    case "short":
      return q.keywords.map((g) => g[0]).join(" / ");
  }
}
