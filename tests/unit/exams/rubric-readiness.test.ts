import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "~/competency/model";
import { readiness } from "~/exams/scoring/readiness";
import { rubricOf, scoreRubric as scoreWith } from "~/exams/scoring/rubric";

// The rubric of the model file in force: the weights live only there.
const parsed = parseModel("content/competency-model.yaml", readFileSync("content/competency-model.yaml", "utf8"));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const RUBRIC = rubricOf(parsed.model);
const scoreRubric = (scores: Partial<Record<string, number>>, indicators?: readonly string[]) =>
  scoreWith(RUBRIC, scores, indicators);

const all = (n: number) => Object.fromEntries(RUBRIC.map((r) => [r.id, n]));

describe("drill rubric (hand-computed)", () => {
  it("weights are the 11 indicators of the competency model and sum to 100", () => {
    expect(RUBRIC).toHaveLength(11);
    expect(RUBRIC.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(100, 6);
  });
  it("all 3 → 3.00; communication 5 → 3 + 11.55 × 2 / 100 = 3.23", () => {
    expect(scoreRubric(all(3))).toEqual({ ok: true, weighted: 3, weakest: [] });
    expect(scoreRubric({ ...all(3), communication: 5 })).toMatchObject({ weighted: 3.23 });
  });
  it("4 everywhere but teamwork 2 and IT 1 → (400 − 14.22 − 27.42)/100 = 3.58, weakest listed", () => {
    expect(scoreRubric({ ...all(4), teamwork: 2, "it-application": 1 })).toEqual({
      ok: true,
      weighted: 3.58,
      weakest: ["teamwork", "it-application"],
    });
  });
  it("rejects a score outside 1–5, a fraction, or a missing indicator", () => {
    expect(scoreRubric({ ...all(3), teamwork: 6 })).toEqual({ ok: false, errors: { teamwork: "range" } });
    expect(scoreRubric({ ...all(3), teamwork: 0 })).toMatchObject({ ok: false });
    expect(scoreRubric({ ...all(3), teamwork: 2.5 })).toMatchObject({ ok: false });
    const { communication: _omit, ...rest } = all(3);
    expect(scoreRubric(rest)).toEqual({ ok: false, errors: { communication: "missing" } });
  });
});

describe("readiness", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const plan = ["typing:zh", "quiz:big-sale", "drill"];
  it("passed / expired / missing, and why", () => {
    const r = readiness(
      plan,
      90,
      [
        { exam: "typing:zh", passed: true, valid: true, at: new Date("2026-10-01T00:00:00Z") },
        { exam: "quiz:big-sale", passed: true, valid: true, at: new Date("2026-08-01T00:00:00Z") },
        { exam: "drill", passed: false, valid: true, at: new Date("2026-11-20T00:00:00Z") },
      ],
      now,
    );
    expect(r.ready).toBe(false);
    expect(r.exams.map((e) => e.state)).toEqual(["passed", "expired", "missing"]);
    expect(r.exams[1]).toMatchObject({ expiredAt: new Date("2026-10-30T00:00:00Z") });
    expect(r.exams[2]).toMatchObject({ attempted: true });
  });
  it("an invalid pass does not count", () => {
    const r = readiness(["typing:zh"], 90, [{ exam: "typing:zh", passed: true, valid: false, at: now }], now);
    expect(r.exams[0]).toEqual({ exam: "typing:zh", state: "missing", attempted: true });
  });
  it("ready until the first pass runs out", () => {
    const r = readiness(
      plan,
      90,
      [
        { exam: "typing:zh", passed: true, valid: true, at: new Date("2026-10-01T00:00:00Z") },
        { exam: "quiz:big-sale", passed: false, valid: true, at: new Date("2026-11-01T00:00:00Z") },
        { exam: "quiz:big-sale", passed: true, valid: true, at: new Date("2026-11-02T00:00:00Z") },
        { exam: "drill", passed: true, valid: true, at: new Date("2026-11-20T00:00:00Z") },
      ],
      now,
    );
    expect(r.ready).toBe(true);
    expect(r.readyUntil).toEqual(new Date("2026-12-30T00:00:00Z"));
  });
});

describe("rubric over a scenario card's indicators", () => {
  const CARD = ["communication", "understand-needs"];
  it("weights only the card's indicators", () => {
    // (11.55 × 5 + 10.35 × 3) / (11.55 + 10.35) = 4.0548
    expect(scoreRubric({ communication: 5, "understand-needs": 3 }, CARD)).toEqual({
      ok: true,
      weighted: 4.05,
      weakest: [],
    });
  });
  it("refuses a score for an indicator off the card, and a missing one on it", () => {
    expect(scoreRubric({ communication: 5, "understand-needs": 3, teamwork: 4 }, CARD)).toEqual({
      ok: false,
      errors: { teamwork: "not-on-card" },
    });
    expect(scoreRubric({ communication: 5 }, CARD)).toEqual({ ok: false, errors: { "understand-needs": "missing" } });
  });
});

describe("rubric weights come from the competency model", () => {
  it("a model with other weights scores the same marks differently", () => {
    const model = {
      indicators: [
        { id: "communication" as const, combined: 75, group: "g" },
        { id: "teamwork" as const, combined: 25, group: "g" },
      ],
    } as Parameters<typeof rubricOf>[0];
    const rubric = rubricOf(model);
    expect(rubric).toEqual([
      { id: "communication", weight: 75, group: "g" },
      { id: "teamwork", weight: 25, group: "g" },
    ]);
    // (75 × 5 + 25 × 1) / 100 = 4.00; with the file's weights (11.55, 7.11) it would be 3.48
    expect(scoreWith(rubric, { communication: 5, teamwork: 1 }, ["communication", "teamwork"])).toEqual({
      ok: true,
      weighted: 4,
      weakest: ["teamwork"],
    });
    expect(scoreRubric({ communication: 5, teamwork: 1 }, ["communication", "teamwork"])).toMatchObject({
      weighted: 3.48,
    });
  });
});
