import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel, type CompetencyModel } from "~/competency/model";
import { buildProfile, periodOf, recommend, teamNeeds, topGaps, weightedGap } from "~/competency/profile";

const parsed = parseModel("m.yaml", readFileSync("content/competency-model.yaml", "utf8"));
if (!parsed.ok) throw new Error("model invalid");
const model: CompetencyModel = parsed.model;
const at = "2026-11-20T02:00:00.000Z";

describe("the weighted gap", () => {
  it("is combined weight × max(0, target − level)", () => {
    expect(weightedGap(11.55, 4, 2)).toBe(23.1);
    expect(weightedGap(9.24, 3, 5)).toBe(0);
    expect(weightedGap(9.24, 3, null)).toBe(0);
  });

  it("adds up by group on a hand-computed intermediate (target 3) profile", () => {
    const p = buildProfile(model, "intermediate", {
      communication: { self: { level: 4, at }, drill: { level: 1, at } }, // drill wins: 11.55 × 2 = 23.10
      "self-management": { self: { level: 2, at } }, // 10.10 × 1 = 10.10
      "read-customer-info": { exam: { level: 2, at, exam: "quiz:x" }, self: { level: 5, at } }, // exam wins: 9.24
      "it-application": { exam: { level: 5, at, exam: "typing:zh" } }, // above target: 0
    });
    const row = (id: string) => p.rows.find((r) => r.id === id)!;
    expect(row("communication")).toMatchObject({ level: 1, source: "drill", target: 3, weightedGap: 23.1 });
    expect(row("read-customer-info")).toMatchObject({ level: 2, source: "exam", weightedGap: 9.24 });
    expect(row("it-application")).toMatchObject({ level: 5, weightedGap: 0 });
    // No evidence: no level (not 0) and nothing added to the gap.
    expect(row("teamwork")).toMatchObject({ level: null, source: null, weightedGap: 0 });
    expect(p.groups).toEqual([
      { id: "problem-solving", weight: 38.15, subtotal: 9.24 },
      { id: "customer-centred", weight: 33.47, subtotal: 33.2 },
      { id: "learning", weight: 28.38, subtotal: 0 },
    ]);
    expect(p.total).toBe(42.44);
    expect(topGaps(p, 2).map((r) => r.id)).toEqual(["communication", "self-management"]);
  });
});

describe("recommendations", () => {
  it("lists courses for the largest gaps in gap order, each course once", () => {
    const p = buildProfile(model, "senior", {
      teamwork: { self: { level: 3, at } }, // 7.11
      communication: { self: { level: 2, at } }, // 23.10
    });
    const courses = [
      { slug: "team", titleZh: "协作", titleEn: "Team", competencies: ["teamwork", "communication"] },
      { slug: "talk", titleZh: "沟通", titleEn: "Talk", competencies: ["communication"] },
      { slug: "team2", titleZh: "协作二", titleEn: "Team 2", competencies: ["teamwork"] },
      { slug: "typing", titleZh: "打字", titleEn: "Typing", competencies: ["it-application"] },
    ];
    const recs = recommend(p, courses);
    expect(recs.map((r) => [r.course.slug, r.indicator, r.level, r.target, r.weight])).toEqual([
      ["team", "communication", 2, 4, 11.55],
      ["talk", "communication", 2, 4, 11.55],
      ["team2", "teamwork", 3, 4, 7.11],
    ]);
  });
});

describe("team needs", () => {
  it("sums members' weighted gaps per indicator and keeps the two largest", () => {
    const a = buildProfile(model, "junior", { teamwork: { self: { level: 1, at } } }); // 7.11
    const b = buildProfile(model, "junior", {
      teamwork: { self: { level: 1, at } },
      "self-motivation": { self: { level: 1, at } },
    }); // 7.11, 4.71
    const c = buildProfile(model, "junior", { "reflective-practice": { self: { level: 1, at } } }); // 10.38
    expect(teamNeeds([a, b, c])).toEqual([
      { id: "teamwork", sum: 14.22 },
      { id: "reflective-practice", sum: 10.38 },
    ]);
  });
});

describe("self-assessment periods", () => {
  it("cuts the year into periods of n months named by their first month", () => {
    expect(periodOf("2026-11", 3)).toBe("2026-10");
    expect(periodOf("2026-01", 3)).toBe("2026-01");
    expect(periodOf("2026-06", 6)).toBe("2026-01");
    expect(periodOf("2026-07", 6)).toBe("2026-07");
    expect(periodOf("2026-12", 1)).toBe("2026-12");
  });
});
