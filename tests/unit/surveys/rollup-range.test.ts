// How the dashboard splits a date range between the month rollup and the day rollup.
import { describe, expect, it } from "vitest";
import { partialDays, wholeMonths } from "~/surveys/range";

function split(from: string, to: string) {
  const whole = wholeMonths(from, to);
  return { whole, days: partialDays(from, to, whole) };
}

describe("splitting a range into whole months and days", () => {
  it("reads a range of whole months from the month rollup only", () => {
    expect(split("2026-01-01", "2026-03-31")).toEqual({ whole: ["2026-01", "2026-02", "2026-03"], days: [] });
  });

  it("reads the partial first and last months day by day", () => {
    expect(split("2025-12-15", "2026-03-10")).toEqual({
      whole: ["2026-01", "2026-02"],
      days: [
        ["2025-12-15", "2025-12-31"],
        ["2026-03-01", "2026-03-10"],
      ],
    });
  });

  it("knows February's length, also in a leap year", () => {
    expect(split("2028-02-01", "2028-02-29")).toEqual({ whole: ["2028-02"], days: [] });
    expect(split("2026-02-01", "2026-02-27").whole).toEqual([]);
  });

  it("reads a range inside one month as days", () => {
    expect(split("2026-11-03", "2026-11-03")).toEqual({ whole: [], days: [["2026-11-03", "2026-11-03"]] });
  });

  it("covers every day of the range exactly once", () => {
    const { whole, days } = split("2025-11-29", "2026-11-29");
    expect(whole).toHaveLength(11);
    expect(days).toEqual([
      ["2025-11-29", "2025-11-30"],
      ["2026-11-01", "2026-11-29"],
    ]);
  });
});
