// Trainer-side work: scoring a one-on-one drill with the rubric, and item analysis of a bank.
import { db } from "~/lib/db.server";
import { DomainError, invalid } from "~/lib/errors";
import { createResult } from "./attempts.server";
import type { QuestionBank } from "./content";
import { examContent, planExam } from "./content.server";
import { analyseItems } from "./scoring/item-analysis";
import { RUBRIC, scoreRubric } from "./scoring/rubric";

export async function drillPassMark(): Promise<number> {
  const exam = planExam(await examContent(), "drill");
  return exam?.kind === "drill" ? exam.minScore : 3.5;
}

/** Trainees a trainer may score: active users holding the TRAINEE role. */
export async function listTrainees() {
  return db.user.findMany({
    where: { active: true, roles: { some: { role: "TRAINEE" } } },
    select: { id: true, name: true, employeeNo: true, team: { select: { name: true } } },
    orderBy: [{ teamId: "asc" }, { name: "asc" }],
  });
}

export async function recentDrills(limit = 20) {
  const rows = await db.drillScore.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      createdAt: true,
      scenario: true,
      trainer: { select: { name: true } },
      result: { select: { id: true, score: true, passed: true, user: { select: { id: true, name: true } } } },
    },
  });
  return rows;
}

export type RubricScores = Record<string, number>;

/** Stores a drill score; scores outside 1–5 or a missing indicator are refused, nothing is written. */
export async function scoreDrill(
  trainerId: number,
  input: { traineeId: number; scores: RubricScores; notes: string; scenario: string },
) {
  const rubric = scoreRubric(input.scores);
  if (!rubric.ok) {
    const fieldErrors = Object.fromEntries(
      Object.entries(rubric.errors).map(([k, v]) => [
        `s.${k}`,
        v === "range" ? "exams:err.rubricRange" : "exams:err.rubricMissing",
      ]),
    );
    throw new DomainError("invalid", "exams:err.rubric", { fieldErrors });
  }
  const trainee = await db.user.findFirst({
    where: { id: input.traineeId, active: true, roles: { some: { role: "TRAINEE" } } },
    select: { id: true },
  });
  if (!trainee) throw invalid("exams:err.trainee");
  const minScore = await drillPassMark();
  const resultId = await db.$transaction(async (tx) => {
    const result = await createResult(tx, {
      userId: trainee.id,
      exam: "drill",
      attemptId: null,
      passed: rubric.weighted >= minScore,
      valid: true,
      score: rubric.weighted,
      figures: {
        weighted: rubric.weighted,
        minScore,
        scores: input.scores,
        weights: Object.fromEntries(RUBRIC.map((r) => [r.id, r.weight])),
      },
      misses: rubric.weakest,
    });
    await tx.drillScore.create({
      data: {
        resultId: result.id,
        trainerId,
        scores: JSON.stringify(input.scores),
        notes: input.notes,
        scenario: input.scenario,
      },
      select: { id: true },
    });
    return result.id;
  });
  return { resultId, weighted: rubric.weighted };
}

export async function itemAnalysis(bank: QuestionBank) {
  const results = await db.examResult.findMany({
    where: { exam: `quiz:${bank.id}`, valid: true },
    select: { id: true, score: true, figures: true },
  });
  const attempts = results.map((r) => ({
    attemptId: r.id,
    score: r.score,
    items: (JSON.parse(r.figures) as { items?: Record<string, boolean> }).items ?? {},
  }));
  const stats = analyseItems(
    attempts,
    bank.questions.map((q) => q.id),
  );
  return {
    attempts: attempts.length,
    items: stats.map((s) => ({
      ...s,
      prompt: bank.questions.find((q) => q.id === s.questionId)!.prompt,
      type: bank.questions.find((q) => q.id === s.questionId)!.type,
    })),
  };
}
