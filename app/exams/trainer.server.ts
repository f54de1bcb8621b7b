// Trainer-side work: scoring a one-on-one drill with the rubric, and item analysis of a bank.
import { writeAudit } from "~/admin/audit.server";
import { competencyModel } from "~/competency/model.server";
import { isLocalDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { conflict, DomainError, forbidden, invalid, notFound } from "~/lib/errors";
import { createResult } from "./attempts.server";
import type { QuestionBank, ScenarioCard } from "./content";
import { examContent, planExam } from "./content.server";
import { analyseItems } from "./scoring/item-analysis";
import { INDICATOR_IDS, rubricOf, scoreRubric } from "./scoring/rubric";

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

/** The scenario cards a trainer can run a sitting on. */
export async function scenarioCards(): Promise<ScenarioCard[]> {
  return (await examContent()).scenarios;
}

/** The card a sitting was recorded with, as it was then; null for sittings from before cards. */
export function sittingCard(card: string | null): ScenarioCard | null {
  return card ? (JSON.parse(card) as ScenarioCard) : null;
}

const RUBRIC_ERROR_KEYS = {
  range: "exams:err.rubricRange",
  missing: "exams:err.rubricMissing",
  "not-on-card": "exams:err.rubricNotOnCard",
} as const;

/** Whether the person holds the TRAINER role now (read from the database, not the session). */
async function holdsTrainerRole(userId: number): Promise<boolean> {
  const n = await db.userRole.count({ where: { userId, role: "TRAINER", user: { active: true } } });
  return n > 0;
}

/**
 * Records a practice sitting the trainer ran: day, scenario card and the trainees present. Drill
 * scores are given against a sitting, so nobody can be scored for a practice they did not attend,
 * and only on the indicators of the sitting's card (kept as it was when the sitting was recorded).
 */
export async function recordSitting(trainerId: number, input: { day: string; scenario: string; traineeIds: number[] }) {
  if (!(await holdsTrainerRole(trainerId))) throw forbidden("exams:err.notTrainer");
  if (!isLocalDay(input.day)) throw invalid("exams:err.sittingDay", { field: "day" });
  const card = (await scenarioCards()).find((c) => c.id === input.scenario.trim());
  if (!card) throw invalid("exams:err.sittingScenario", { field: "scenario" });
  const ids = [...new Set(input.traineeIds)];
  if (ids.length === 0) throw invalid("exams:err.trainee", { field: "traineeIds" });
  if (ids.includes(trainerId)) throw forbidden("exams:err.ownDrill");
  const found = await db.user.count({
    where: { id: { in: ids }, active: true, roles: { some: { role: "TRAINEE" } } },
  });
  if (found !== ids.length) throw invalid("exams:err.trainee", { field: "traineeIds" });
  const sitting = await db.practiceSitting.create({
    data: {
      trainerId,
      day: input.day,
      scenario: card.id,
      card: JSON.stringify(card),
      attendees: { create: ids.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  return sitting.id;
}

/** One of the trainer's sittings, to score: its card (as recorded) and who was present. */
export async function sittingToScore(trainerId: number, sittingId: number) {
  const s = await db.practiceSitting.findFirst({
    where: { id: sittingId, trainerId },
    select: {
      id: true,
      day: true,
      scenario: true,
      card: true,
      attendees: { select: { user: { select: { id: true, name: true, employeeNo: true } } } },
    },
  });
  if (!s) return null;
  const card = sittingCard(s.card);
  return {
    id: s.id,
    day: s.day,
    scenario: s.scenario,
    card,
    indicators: card ? [...card.indicators] : [...INDICATOR_IDS],
    attendees: s.attendees.map((a) => a.user),
  };
}

/** The trainer's recent sittings with who was present, newest first. */
export async function recentSittings(trainerId: number, limit = 20) {
  return db.practiceSitting.findMany({
    where: { trainerId },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      day: true,
      scenario: true,
      card: true,
      attendees: { select: { user: { select: { id: true, name: true, employeeNo: true } } } },
    },
  });
}

/**
 * Stores a drill score over the indicators of the sitting's scenario card (all eleven for a sitting
 * from before cards); a score outside 1–5, a missing indicator or one not on the card is refused,
 * and nothing is written.
 * The scorer must hold the trainer role now and not be the trainee; the trainee must be recorded
 * present at the scorer's sitting. A correction names the score it replaces and says why: it is a
 * new version, and the old one stays as it was.
 */
export async function scoreDrill(
  trainerId: number,
  input: {
    traineeId: number;
    sittingId: number;
    scores: RubricScores;
    notes: string;
    supersedesId?: number;
    reason?: string;
  },
) {
  if (input.traineeId === trainerId) throw forbidden("exams:err.ownDrill");
  if (!(await holdsTrainerRole(trainerId))) throw forbidden("exams:err.notTrainer");
  const trainee = await db.user.findFirst({
    where: { id: input.traineeId, active: true, roles: { some: { role: "TRAINEE" } } },
    select: { id: true },
  });
  if (!trainee) throw invalid("exams:err.trainee", { field: "traineeId" });
  const sitting = await db.practiceSitting.findFirst({
    where: { id: input.sittingId, trainerId },
    select: {
      id: true,
      scenario: true,
      card: true,
      attendees: { where: { userId: trainee.id }, select: { userId: true } },
    },
  });
  if (!sitting) throw invalid("exams:err.sitting", { field: "sittingId" });
  if (sitting.attendees.length === 0) throw invalid("exams:err.notPresent", { field: "traineeId" });
  // The card's few indicators are scored; a sitting from before cards is scored on all eleven.
  const card = sittingCard(sitting.card);
  const indicators = card ? card.indicators : INDICATOR_IDS;
  const weights = rubricOf(await competencyModel());
  const rubric = scoreRubric(weights, input.scores, indicators);
  if (!rubric.ok) {
    const fieldErrors = Object.fromEntries(
      Object.entries(rubric.errors).map(([k, v]) => [`s.${k}`, RUBRIC_ERROR_KEYS[v]]),
    );
    throw new DomainError("invalid", "exams:err.rubric", { fieldErrors });
  }
  let version = 1;
  const reason = (input.reason ?? "").trim();
  if (input.supersedesId !== undefined) {
    const old = await db.drillScore.findUnique({
      where: { id: input.supersedesId },
      select: { version: true, supersededBy: { select: { id: true } }, result: { select: { userId: true } } },
    });
    if (!old || old.result.userId !== trainee.id) throw notFound("exams:err.drillNotFound");
    if (old.supersededBy) throw conflict("exams:err.drillCorrected");
    if (!reason) throw invalid("exams:err.correctionReason", { field: "reason" });
    version = old.version + 1;
  }
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
        indicators,
        scenario: card ? { id: card.id, title: card.title } : null,
        weights: Object.fromEntries(weights.filter((r) => indicators.includes(r.id)).map((r) => [r.id, r.weight])),
      },
      misses: rubric.weakest,
    });
    await tx.drillScore.create({
      data: {
        resultId: result.id,
        trainerId,
        scores: JSON.stringify(input.scores),
        notes: input.notes,
        scenario: sitting.scenario,
        sittingId: sitting.id,
        version,
        supersedesId: input.supersedesId ?? null,
        reason,
      },
      select: { id: true },
    });
    if (input.supersedesId !== undefined) {
      const said = { reason, version, score: rubric.weighted };
      await writeAudit(tx, trainerId, "exam.drill-corrected", trainee.id, said, { id: input.supersedesId });
    }
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
