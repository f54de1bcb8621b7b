import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { examLevel, parseModel } from "~/competency/model";
import { COMPETENCY_IDS } from "~/content/competencies";
import { rubricOf } from "~/exams/scoring/rubric";

const SOURCE = readFileSync("content/competency-model.yaml", "utf8");

describe("the competency model file", () => {
  it("holds the eleven indicators with the source's combined weights", () => {
    const r = parseModel("content/competency-model.yaml", SOURCE);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.model.indicators.map((i) => i.id).sort()).toEqual([...COMPETENCY_IDS].sort());
    expect(r.model.indicators.find((i) => i.id === "read-customer-info")?.combined).toBe(9.24);
    expect(r.model.indicators.find((i) => i.id === "communication")?.combined).toBe(11.55);
    expect(r.model.groups.map((g) => g.weight)).toEqual([38.15, 33.47, 28.38]);
    // Per-indicator targets override the grade defaults.
    expect(r.model.indicators.find((i) => i.id === "it-application")?.targets.junior).toBe(3);
    expect(r.model.indicators.find((i) => i.id === "teamwork")?.targets).toEqual({
      junior: 2,
      intermediate: 3,
      senior: 4,
      expert: 5,
    });
  });

  it("rejects a file whose weights do not sum to 100, naming the line", () => {
    const broken = SOURCE.replace("combined: 11.55", "combined: 21.55").replace("within: 34.52", "within: 64.39");
    const r = parseModel("m.yaml", broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = SOURCE.split("\n");
    const groupLine = lines.findIndex((l) => l.includes("weight: 33.47")) + 1;
    expect(r.problems).toContainEqual({
      path: "m.yaml",
      line: groupLine,
      message: expect.stringMatching(/group customer-centred: weight 33.47 is not the sum .* \(43.47\)/),
    });
    expect(r.problems.map((p) => p.message)).toContainEqual("combined weights sum to 110.00, not 100");
  });

  it("rejects a combined weight that is not group × within, and an indicator twice or missing", () => {
    const twice = SOURCE.replace("- id: teamwork", "- id: communication");
    const r = parseModel("m.yaml", twice);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.problems.map((p) => p.message);
    expect(messages).toContain("indicator communication appears more than once");
    expect(messages).toContain("indicators missing from the model: teamwork");
    const off = parseModel("m.yaml", SOURCE.replace("within: 24.23", "within: 30.23"));
    expect(off.ok).toBe(false);
    if (off.ok) return;
    expect(off.problems.map((p) => p.message).join("\n")).toMatch(
      /read-customer-info: combined 9.24 is not 38.15 × 30.23%/,
    );
  });

  it("names the line of a field that is out of range", () => {
    const r = parseModel("m.yaml", SOURCE.replace("targets: { junior: 2,", "targets: { junior: 7,"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = SOURCE.split("\n").findIndex((l) => l.startsWith("targets:")) + 1;
    expect(r.problems[0]).toMatchObject({ line, message: expect.stringContaining("targets.junior: a level is 1–5") });
  });
});

describe("the drill rubric", () => {
  it("scores with the model file's combined weights and groups", () => {
    const r = parseModel("m.yaml", SOURCE);
    if (!r.ok) throw new Error("model invalid");
    expect(rubricOf(r.model).map((x) => [x.id, x.weight, x.group])).toEqual(
      r.model.indicators.map((i) => [i.id, i.combined, i.group]),
    );
  });
});

describe("exam results as levels", () => {
  it("counts thresholds met, higher or lower being better", () => {
    const typing = { better: "higher" as const, levels: [40, 60, 80, 100] };
    expect(examLevel(typing, 39)).toBe(1);
    expect(examLevel(typing, 80)).toBe(4);
    expect(examLevel(typing, 130)).toBe(5);
    const response = { better: "lower" as const, levels: [60, 45, 30, 20] };
    expect(examLevel(response, 70)).toBe(1);
    expect(examLevel(response, 30)).toBe(4);
  });
});
