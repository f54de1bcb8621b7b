// Each trainee's progress through a course version: sections reached, time, quiz, completion.
import { randomBytes } from "node:crypto";
import type { Section } from "~/content/body";
import type { CourseFrontMatter } from "~/content/course-schema";
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { checkAnswers, gradeQuiz, type Answers, type Grade } from "./grading";
import { addSection, creditedSeconds, isComplete, reachedPercent } from "./progress-rules";

/**
 * Records that the trainee attended a delivered class of the course, in their progress for the
 * course's current version. Called inside the workflow's transaction; idempotent.
 */
export async function markAttended(tx: Tx, userId: number, courseId: number): Promise<void> {
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { currentVersionId: true } });
  if (!course?.currentVersionId) return;
  const row = await ensureProgress(tx, userId, courseId, course.currentVersionId);
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

export type LessonRef = { courseId: number; versionId: number; sections: Section[] };

function completion(
  row: { sectionsReached: string; sectionsTotal: number; quizPassed: boolean; completedAt: Date | null },
  reached: string[],
  quizPassed: boolean,
  now: Date,
) {
  if (row.completedAt) return row.completedAt;
  return isComplete({ reached: reached.length, total: row.sectionsTotal, quizPassed }) ? now : null;
}

/** Marks a section as reached (and the place to resume); returns the new state. */
export async function reachSection(userId: number, lesson: LessonRef, sectionId: string) {
  if (!lesson.sections.some((s) => s.id === sectionId)) return null;
  return db.$transaction(async (tx) => {
    const row = await ensureProgress(tx, userId, lesson.courseId, lesson.versionId);
    const reached = addSection(JSON.parse(row.sectionsReached) as string[], sectionId);
    const now = new Date();
    const completedAt = completion(row, reached, row.quizPassed, now);
    await tx.courseProgress.update({
      where: { id: row.id },
      data: {
        sectionsReached: JSON.stringify(reached),
        lastSection: sectionId,
        percent: reachedPercent(reached.length, row.sectionsTotal),
        completedAt,
        updatedAt: now,
        version: { increment: 1 },
      },
    });
    return { reached, completedAt: completedAt?.toISOString() ?? null };
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

export type QuizOutcome =
  | { ok: true; grade: Grade; completedAt: string | null }
  | { ok: false; error: "duplicate" | "empty" | "unknownQuestion" | "unknownChoice" };

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
      await tx.quizAttempt.create({
        data: {
          progressId: row.id,
          token,
          answers: JSON.stringify(answers),
          correct: grade.correct,
          total: grade.total,
          score: grade.score,
          passed: grade.passed,
        },
      });
      const now = new Date();
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
      return { ok: true as const, grade, completedAt: completedAt?.toISOString() ?? null };
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
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
