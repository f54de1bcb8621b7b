import { describe, expect, it } from "vitest";
import { dailyPoints } from "~/exams/history";

describe("exam history: one chart point a day", () => {
  it("keeps each day's latest typing and response score, days cut in the centre's zone", () => {
    const points = dailyPoints([
      { exam: "typing:zh", score: 40.04, createdAt: new Date("2026-11-02T01:00:00Z") },
      { exam: "typing:en", score: 52.26, createdAt: new Date("2026-11-02T09:00:00Z") },
      { exam: "response", score: 3.33, createdAt: new Date("2026-11-02T10:00:00Z") },
      // 17:30 UTC is already the next morning in Shanghai.
      { exam: "response", score: 2.91, createdAt: new Date("2026-11-02T17:30:00Z") },
    ]);
    expect(points).toEqual([
      { date: "2026-11-02", typing: 52.3, response: 3.3 },
      { date: "2026-11-03", response: 2.9 },
    ]);
  });

  it("has no points without results", () => {
    expect(dailyPoints([])).toEqual([]);
  });
});
