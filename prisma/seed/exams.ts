// Demo exam results, so the readiness board and the history chart have something to show.
// Idempotent: people who already have results are left alone.
import { competencyModel } from "../../app/competency/model.server";
import { rubricOf } from "../../app/exams/scoring/rubric";
import type { Db } from "../../app/lib/db.server";

const DAY = 86_400_000;
type Row = { exam: string; daysAgo: number; passed: boolean; score: number; figures: Record<string, unknown> };

const typing = (daysAgo: number, net: number, accuracy: number): Row => ({
  exam: "typing:zh",
  daysAgo,
  passed: net >= 80 && accuracy >= 0.95,
  score: net,
  figures: {
    net,
    raw: Math.round(net / accuracy),
    unit: "cpm",
    accuracy,
    consistency: 0.82,
    correctChars: net * 3,
    typedChars: Math.round((net * 3) / accuracy),
    errors: Math.round((net * 3) / accuracy) - net * 3,
    minutes: 3,
    invalid: [],
  },
});
const response = (daysAgo: number, mean: number, completeness: number): Row => ({
  exam: "response",
  daysAgo,
  passed: mean <= 30 && completeness >= 0.8,
  score: mean,
  figures: {
    first: mean - 4,
    mean,
    median: mean - 2,
    p90: mean * 1.8,
    completeness,
    answered: 6,
    total: 6,
    perMessage: [],
  },
});
const passOthers = (daysAgo: number): Row[] => [
  {
    exam: "quick-reply",
    daysAgo,
    passed: true,
    score: 87.5,
    figures: { correctShare: 0.875, correct: 7, total: 8, meanSeconds: 9.4, perQuestion: [] },
  },
  {
    exam: "quiz:big-sale-knowledge",
    daysAgo,
    passed: true,
    score: 90,
    figures: { percent: 90, correct: 9, total: 10, late: false, passMark: 80, items: {} },
  },
];

const PLANS: Record<string, { rows: Row[]; drill?: { daysAgo: number; score: number } }> = {
  // Ready for duty: steady improvement in typing and response time.
  "trainee2@weike.test": {
    rows: [
      typing(40, 68, 0.93),
      response(40, 41, 0.67),
      typing(20, 79, 0.96),
      response(20, 28, 0.83),
      typing(6, 92, 0.97),
      response(6, 19, 1),
      ...passOthers(6),
    ],
    drill: { daysAgo: 5, score: 4 },
  },
  // Missing the drill and the typing speed.
  "trainee3@weike.test": { rows: [typing(10, 71, 0.95), response(9, 24, 0.83), ...passOthers(9)] },
  // Passed everything long ago: the passes have expired.
  "trainee5@weike.test": {
    rows: [typing(120, 88, 0.97), response(120, 22, 1), ...passOthers(120)],
    drill: { daysAgo: 119, score: 3.8 },
  },
};

export async function seedExams(db: Db): Promise<number> {
  const trainer = await db.user.findUnique({ where: { email: "trainer@weike.test" }, select: { id: true } });
  // The weights the demo drills are scored with: the model file's, as the drill page stores them.
  const rubric = rubricOf(await competencyModel());
  const weights = Object.fromEntries(rubric.map((x) => [x.id, x.weight]));
  let people = 0;
  for (const [email, plan] of Object.entries(PLANS)) {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user || (await db.examResult.count({ where: { userId: user.id } })) > 0) continue;
    const now = Date.now();
    for (const r of plan.rows) {
      await db.examResult.create({
        data: {
          userId: user.id,
          exam: r.exam,
          passed: r.passed,
          valid: true,
          score: r.score,
          figures: JSON.stringify(r.figures),
          createdAt: new Date(now - r.daysAgo * DAY),
        },
        select: { id: true },
      });
    }
    if (plan.drill && trainer) {
      const scores = Object.fromEntries(rubric.map((x) => [x.id, Math.round(plan.drill!.score)]));
      const result = await db.examResult.create({
        data: {
          userId: user.id,
          exam: "drill",
          passed: plan.drill.score >= 3.5,
          valid: true,
          score: plan.drill.score,
          figures: JSON.stringify({ weighted: plan.drill.score, minScore: 3.5, scores, weights }),
          createdAt: new Date(now - plan.drill.daysAgo * DAY),
        },
        select: { id: true },
      });
      await db.drillScore.create({
        data: {
          resultId: result.id,
          trainerId: trainer.id,
          scores: JSON.stringify(scores),
          scenario: "大促物流延迟咨询",
          notes: "开场安抚到位；方案表述可以更简洁。",
        },
        select: { id: true },
      });
    }
    people++;
  }
  return people;
}
