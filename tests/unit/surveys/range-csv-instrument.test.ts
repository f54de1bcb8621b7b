import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "~/lib/csv";
import { parseExtraQuestions, responseSchema, toResponseInput } from "~/surveys/instrument";
import { monthsOf, parseDay, parseRange } from "~/surveys/range";

const today = new Date("2026-11-26T10:00:00Z");

describe("date range", () => {
  it("defaults to the last 12 months", () => {
    expect(parseRange(null, null, today)).toMatchObject({ from: "2025-12-01", to: "2026-11-26", notice: null });
  });
  it("swaps an end before its start", () => {
    expect(parseRange("2026-05-31", "2026-05-01", today)).toMatchObject({
      from: "2026-05-01",
      to: "2026-05-31",
      notice: "rangeSwapped",
    });
  });
  it("clamps twenty years to five before the end", () => {
    const r = parseRange("2006-01-01", "2026-01-01", today);
    expect(r).toMatchObject({ from: "2021-01-01", to: "2026-01-01", notice: "rangeClamped" });
    expect(monthsOf(r)).toHaveLength(61);
  });
  it("covers whole local days, the end day included", () => {
    const r = parseRange("2026-05-01", "2026-05-31", today);
    // Midnight in Asia/Shanghai (UTC+8), not UTC.
    expect(r.start.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-05-31T16:00:00.000Z");
  });
  it("takes today in the centre's zone for the default range", () => {
    // 2026-11-30 23:30 UTC is already December 1st in Shanghai.
    expect(parseRange(null, null, new Date("2026-11-30T23:30:00Z"))).toMatchObject({
      from: "2026-01-01",
      to: "2026-12-01",
    });
  });
  it("rejects impossible days", () => {
    expect(parseDay("2026-02-31")).toBeNull();
    expect(parseDay("26-2-1")).toBeNull();
    expect(parseRange("2026-02-31", null, today).notice).toBe("rangeInvalid");
  });
  it("lists months across a year end", () => {
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvRow(["a,b", 'say "hi"', "two\nlines", 3])).toBe('"a,b","say ""hi""","two\nlines",3\r\n');
  });
  it("defuses spreadsheet formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
  });
});

describe("instrument", () => {
  const base = {
    overall: "5",
    relevance: "4",
    helpful: "4",
    delivery: "3",
    pace: "2",
    recommend: "10",
    comment: "  <script>x</script>  ",
  };
  it("parses a full answer and keeps HTML as text", () => {
    const r = responseSchema([]).safeParse(base);
    expect(r.success).toBe(true);
    expect(toResponseInput(r.data as Record<string, unknown>, [])).toMatchObject({
      overall: 5,
      recommend: 10,
      comment: "<script>x</script>",
    });
  });
  it("rejects 0 and 6 on the 5-point scale and 11 on the 0–10 scale", () => {
    for (const bad of [{ overall: "0" }, { overall: "6" }, { recommend: "11" }, { recommend: "-1" }, { pace: "3.5" }]) {
      expect(responseSchema([]).safeParse({ ...base, ...bad }).success).toBe(false);
    }
    expect(responseSchema([]).safeParse({ ...base, recommend: "0" }).success).toBe(true);
  });
  it("limits the comment to 2,000 characters", () => {
    expect(responseSchema([]).safeParse({ ...base, comment: "字".repeat(2000) }).success).toBe(true);
    expect(responseSchema([]).safeParse({ ...base, comment: "字".repeat(2001) }).success).toBe(false);
  });
  it("requires course-specific items unless marked optional", () => {
    const extra = parseExtraQuestions([
      { key: "practice", zh: "练习充分", en: "Enough practice" },
      { key: "material", zh: "材料", en: "Material", required: false },
    ]);
    expect(extra.map((q) => q.required)).toEqual([true, false]);
    expect(responseSchema(extra).safeParse(base).success).toBe(false);
    const ok = responseSchema(extra).safeParse({ ...base, x_practice: "4", x_material: "" });
    expect(ok.success).toBe(true);
    expect(toResponseInput(ok.data as Record<string, unknown>, extra).extra).toEqual({ practice: 4 });
  });
  it("drops malformed or clashing course-specific questions", () => {
    expect(parseExtraQuestions([{ key: "overall", zh: "x", en: "x" }])).toEqual([]);
    expect(parseExtraQuestions("nonsense")).toEqual([]);
    expect(
      parseExtraQuestions([
        { key: "a", zh: "x", en: "x" },
        { key: "a", zh: "y", en: "y" },
      ]),
    ).toHaveLength(1);
  });
});
