import { describe, expect, it } from "vitest";
import { dailySeries } from "~/exams/history";

describe("exam history: one series per exam, one point a day", () => {
  it("keeps each day's latest score per exam, with the exam's own unit, days cut in the centre's zone", () => {
    const series = dailySeries([
      { exam: "typing:zh", score: 40.04, createdAt: new Date("2026-11-02T01:00:00Z") },
      { exam: "typing:en", score: 52.26, createdAt: new Date("2026-11-02T09:00:00Z") },
      { exam: "response", score: 3.33, createdAt: new Date("2026-11-02T10:00:00Z") },
      // 17:30 UTC is already the next morning in Shanghai.
      { exam: "response", score: 2.91, createdAt: new Date("2026-11-02T17:30:00Z") },
      { exam: "typing:zh", score: 44, createdAt: new Date("2026-11-02T06:00:00Z") },
    ]);
    expect(series).toEqual([
      {
        exam: "response",
        unit: "seconds",
        points: [
          { date: "2026-11-02", value: 3.3 },
          { date: "2026-11-03", value: 2.9 },
        ],
      },
      { exam: "typing:en", unit: "wpm", points: [{ date: "2026-11-02", value: 52.3 }] },
      { exam: "typing:zh", unit: "cpm", points: [{ date: "2026-11-02", value: 44 }] },
    ]);
  });

  it("has no series without results", () => {
    expect(dailySeries([])).toEqual([]);
  });
});
