// Each trainee's progress through a course version: sections reached, time, quiz, completion.
import { randomBytes } from "node:crypto";
import type { Section } from "~/content/body";
import type { CourseFrontMatter } from "~/content/course-schema";
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { checkAnswers, gradeQuiz, type Answers, type Grade } from "./grading";
import {
  addSection,
  creditedSeconds,
  isComplete,
  QUIZ_COOLDOWN_S,
  quizWindow,
  reachedPercent,
  revealsAnswers,
  sectionReadableAt,
} from "./progress-rules";

/**
 * Records that the trainee attended a delivered class of the course, in their progress for the
 * course's live version (else its newest). Called inside the workflow's transaction; idempotent.
 */
export async function markAttended(tx: Tx, userId: number, courseId: number): Promise<void> {
  const course = await tx.course.findUnique({
    where: { id: courseId },
    select: { currentVersionId: true, liveVersionId: true },
  });
  // The library's version when there is one (decision 035); a classroom-only course has none.
  const versionId = course?.liveVersionId ?? course?.currentVersionId;
  if (!versionId) return;
  const row = await ensureProgress(tx, userId, courseId, versionId);
  if (row.attendedAt) return;
  const now = new Date();
  await tx.courseProgress.update({
    where: { id: row.id },
    data: { attendedAt: now, updatedAt: now, version: { increment: 1 } },
  });
}

const progressSelect = {
  id: true,
  sectionsReached: true,
  sectionsTotal: true,
  lastSection: true,
  secondsSpent: true,
  lastHeartbeatAt: true,
  quizPassed: true,
  quizBestScore: true,
  completedAt: true,
  attendedAt: true,
  startedAt: true,
  lastReachAt: true,
} satisfies Prisma.CourseProgressSelect;

async function ensureProgress(tx: Tx, userId: number, courseId: number, courseVersionId: number) {
  const found = await tx.courseProgress.findUnique({
    where: { userId_courseVersionId: { userId, courseVersionId } },
    select: progressSelect,
  });
  if (found) return found;
  const version = await tx.courseVersion.findUniqueOrThrow({
    where: { id: courseVersionId },
    select: { sections: true },
  });
  return tx.courseProgress.create({
    data: { userId, courseId, courseVersionId, sectionsTotal: (JSON.parse(version.sections) as Section[]).length },
    select: progressSelect,
  });
}

/** `chars`: each section's length, which sets the reading time it needs (progress-rules). */
export type LessonRef = { courseId: number; versionId: number; sections: Section[]; chars?: Record<string, number> };

function completion(
  row: { sectionsReached: string; sectionsTotal: number; quizPassed: boolean; completedAt: Date | null },
  reached: string[],
  quizPassed: boolean,
  now: Date,
) {
  if (row.completedAt) return row.completedAt;
  return isComplete({ reached: reached.length, total: row.sectionsTotal, quizPassed }) ? now : null;
}

/**
 * Marks a section as reached (and the place to resume); returns the new state. A new section
 * counts only once the server has seen its reading time pass since the previous one counted (or
 * the lesson was first opened); before that `nextAt` says when, and nothing is credited — so a
 * burst of reports, or one request naming every section, credits at most one.
 */
export async function reachSection(userId: number, lesson: LessonRef, sectionId: string, now = new Date()) {
  if (!lesson.sections.some((s) => s.id === sectionId)) return null;
  return db.$transaction(async (tx) => {
    const row = await ensureProgress(tx, userId, lesson.courseId, lesson.versionId);
    const before = JSON.parse(row.sectionsReached) as string[];
    if (before.includes(sectionId))
      return { reached: before, completedAt: row.completedAt?.toISOString() ?? null, nextAt: null };
    const readableAt = sectionReadableAt(row.lastReachAt ?? row.startedAt, lesson.chars?.[sectionId] ?? 0);
    if (now < readableAt)
      return { reached: before, completedAt: row.completedAt?.toISOString() ?? null, nextAt: readableAt.toISOString() };
    const reached = addSection(before, sectionId);
    const completedAt = completion(row, reached, row.quizPassed, now);
    await tx.courseProgress.update({
      where: { id: row.id },
      data: {
        sectionsReached: JSON.stringify(reached),
        lastSection: sectionId,
        lastReachAt: now,
        percent: reachedPercent(reached.length, row.sectionsTotal),
        completedAt,
        updatedAt: now,
        version: { increment: 1 },
      },
    });
    return { reached, completedAt: completedAt?.toISOString() ?? null, nextAt: null as string | null };
  });
}

/** Counts reading time. Only the gap since the previous heartbeat is credited, and only when short. */
export async function heartbeat(userId: number, lesson: LessonRef) {
  return db.$transaction(async (tx) => {
    const row = await ensureProgress(tx, userId, lesson.courseId, lesson.versionId);
    const now = new Date();
    const credit = creditedSeconds(row.lastHeartbeatAt ? now.getTime() - row.lastHeartbeatAt.getTime() : null);
    const updated = await tx.courseProgress.update({
      where: { id: row.id },
      data: { secondsSpent: { increment: credit }, lastHeartbeatAt: now, updatedAt: now, version: { increment: 1 } },
      select: { secondsSpent: true },
    });
    return { secondsSpent: updated.secondsSpent };
  });
}

/** A graded attempt as the trainee sees it: the answer key only once revealed (progress-rules). */
export type ShownGrade = Omit<Grade, "results"> & {
  results: (Omit<Grade["results"][number], "answer" | "explanation"> & { answer?: string[]; explanation?: string })[];
};

export type QuizOutcome =
  | { ok: true; grade: ShownGrade; completedAt: string | null; remaining: number; retryAt: string | null }
  | { ok: false; error: "duplicate" | "empty" | "unknownQuestion" | "unknownChoice" }
  | { ok: false; error: "cooldown"; retryAt: string };

function hideAnswers(grade: Grade): ShownGrade {
  return { ...grade, results: grade.results.map(({ id, correct, chosen }) => ({ id, correct, chosen })) };
}

export function newQuizToken(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Grades and records one submission. A token seen before for this progress (the same form sent
 * twice) and answers naming unknown questions are rejected before anything is written.
 */
export async function submitQuiz(
  userId: number,
  lesson: LessonRef,
  quiz: CourseFrontMatter["quiz"],
  token: string,
  answers: Answers,
  now = new Date(),
): Promise<QuizOutcome> {
  const invalid = checkAnswers(quiz.questions, answers);
  if (invalid) return { ok: false, error: invalid.error };
  const grade = gradeQuiz(quiz.questions, answers, quiz.passMark);
  try {
    return await db.$transaction(async (tx) => {
      const row = await ensureProgress(tx, userId, lesson.courseId, lesson.versionId);
      const seen = await tx.quizAttempt.findUnique({
        where: { progressId_token: { progressId: row.id, token } },
        select: { id: true },
      });
      if (seen) return { ok: false as const, error: "duplicate" as const };
      // Attempts are counted here, from the stored ones, whatever the page sends.
      const earlier = await tx.quizAttempt.findMany({
        where: { progressId: row.id },
        orderBy: { id: "asc" },
        select: { createdAt: true, passed: true },
      });
      const standing = quizWindow(
        earlier.map((a) => ({ at: a.createdAt, passed: a.passed })),
        now,
      );
      if (standing.retryAt)
        return { ok: false as const, error: "cooldown" as const, retryAt: standing.retryAt.toISOString() };
      await tx.quizAttempt.create({
        data: {
          progressId: row.id,
          token,
          answers: JSON.stringify(answers),
          correct: grade.correct,
          total: grade.total,
          score: grade.score,
          passed: grade.passed,
          createdAt: now,
        },
      });
      const quizPassed = row.quizPassed || grade.passed;
      const completedAt = completion(row, JSON.parse(row.sectionsReached) as string[], quizPassed, now);
      await tx.courseProgress.update({
        where: { id: row.id },
        data: {
          quizPassed,
          quizBestScore: Math.max(row.quizBestScore ?? 0, grade.score),
          completedAt,
          updatedAt: now,
          version: { increment: 1 },
        },
      });
      const remaining = standing.passed || grade.passed ? standing.remaining : standing.remaining - 1;
      const shown = revealsAnswers(standing.passed || grade.passed, remaining) ? grade : hideAnswers(grade);
      const retryAt = remaining <= 0 ? new Date(now.getTime() + QUIZ_COOLDOWN_S * 1000).toISOString() : null;
      return { ok: true as const, grade: shown, completedAt: completedAt?.toISOString() ?? null, remaining, retryAt };
    });
  } catch (e) {
    // Two copies of one form racing: the unique (progress, token) index lets only one in.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      return { ok: false, error: "duplicate" };
    throw e;
  }
}

export async function progressFor(userId: number, versionId: number) {
  const row = await db.courseProgress.findUnique({
    where: { userId_courseVersionId: { userId, courseVersionId: versionId } },
    select: { ...progressSelect, _count: { select: { attempts: true } } },
  });
  if (!row) return null;
  return {
    reached: JSON.parse(row.sectionsReached) as string[],
    lastSection: row.lastSection,
    secondsSpent: row.secondsSpent,
    quizPassed: row.quizPassed,
    quizBestScore: row.quizBestScore,
    attempts: row._count.attempts,
    quiz: await quizStanding(row.id),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** Attempts left and, during a cool-down, when the quiz opens again (for the page). */
async function quizStanding(progressId: number) {
  const attempts = await db.quizAttempt.findMany({
    where: { progressId },
    orderBy: { id: "asc" },
    select: { createdAt: true, passed: true },
  });
  const w = quizWindow(
    attempts.map((a) => ({ at: a.createdAt, passed: a.passed })),
    new Date(),
  );
  return { remaining: w.remaining, retryAt: w.retryAt?.toISOString() ?? null };
}
