import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/lib/csv";
import { buildIcs, fold } from "~/workflow/ics";
import { planSlots } from "~/workflow/scheduling.server";
import { checkPreferred } from "~/workflow/schemas";
import { addDays, overlaps, parseLocal, toLocalInput, weekStart } from "~/workflow/time";

describe("local time (UTC+8)", () => {
  it("reads and writes wall-clock times of the center", () => {
    expect(parseLocal("2026-12-01T09:00")!.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(parseLocal("2026-12-01", "00:30")!.toISOString()).toBe("2026-11-30T16:30:00.000Z");
    expect(toLocalInput(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12-01T00:30");
  });
  it("refuses malformed and rolled-over dates", () => {
    expect(parseLocal("2026-02-30T09:00")).toBeNull();
    expect(parseLocal("2026-12-01 09:00")).toBeNull();
    expect(parseLocal("")).toBeNull();
  });
  it("finds the Monday of a week and steps days", () => {
    expect(weekStart("2026-11-27")).toBe("2026-11-23");
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
  it("treats back-to-back slots as free", () => {
    const a = { startsAt: new Date(0), endsAt: new Date(3600_000) };
    expect(overlaps(a, { startsAt: new Date(3600_000), endsAt: new Date(7200_000) })).toBe(false);
    expect(overlaps(a, { startsAt: new Date(1800_000), endsAt: new Date(7200_000) })).toBe(true);
  });
});

describe("preferred times", () => {
  const now = new Date("2026-11-27T00:00:00Z");
  it("wants two or three future, distinct times", () => {
    expect(checkPreferred(["2026-12-01T09:00", "2026-12-02T09:00", ""], now).ok).toBe(true);
    expect(checkPreferred(["2026-12-01T09:00", "", ""], now)).toMatchObject({
      ok: false,
      error: "workflow:err.prefCount",
    });
    expect(checkPreferred(["2026-11-26T09:00", "2026-12-02T09:00", ""], now)).toMatchObject({
      ok: false,
      field: "pref1",
      error: "workflow:err.datePast",
    });
    expect(checkPreferred(["2026-12-01T09:00", "2026-12-01T09:00", ""], now)).toMatchObject({
      ok: false,
      field: "pref2",
      error: "workflow:err.dateDuplicate",
    });
  });
});

describe("slots", () => {
  const start = new Date("2026-12-01T01:00:00Z");
  const modules = [
    { id: 1, durationMinutes: 60 },
    { id: 2, durationMinutes: 60 },
    { id: 3, durationMinutes: 60 },
  ];
  it("a merged series takes the sum of its modules", () => {
    const plan = planSlots({ courseId: null, seriesId: 9, delivery: "half-day" }, modules, start, null);
    expect(plan.ok && plan.slots.map((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000)).toEqual([180]);
  });
  it("separate delivery is one module a day at the same time", () => {
    const plan = planSlots({ courseId: null, seriesId: 9, delivery: "separate" }, modules, start, null);
    expect(plan.ok && plan.slots.map((s) => [s.courseId, s.startsAt.toISOString()])).toEqual([
      [1, "2026-12-01T01:00:00.000Z"],
      [2, "2026-12-02T01:00:00.000Z"],
      [3, "2026-12-03T01:00:00.000Z"],
    ]);
  });
  it("refuses an end before the start and a slot shorter than the course", () => {
    expect(
      planSlots(
        { courseId: 1, seriesId: null, delivery: "single" },
        modules.slice(0, 1),
        start,
        new Date(start.getTime() - 1),
      ),
    ).toMatchObject({ ok: false, error: "workflow:err.endBeforeStart" });
    expect(
      planSlots(
        { courseId: 1, seriesId: null, delivery: "single" },
        modules.slice(0, 1),
        start,
        new Date(start.getTime() + 30 * 60_000),
      ),
    ).toMatchObject({ ok: false, error: "workflow:err.tooShort" });
  });
});

describe("CSV", () => {
  it("starts with a BOM, quotes what needs quoting and defuses formulas", () => {
    const csv = toCsv(
      ["课程", "notes"],
      [
        ["投诉处理", 'said "hi", left\nlate'],
        ["=SUM(A1)", "-2"],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFF课程,notes\r\n投诉处理,"said ""hi"", left\nlate"\r\n\'=SUM(A1),\'-2\r\n');
    expect(csvCell(null)).toBe("");
  });
});

describe("ics", () => {
  it("builds a valid event with escaped text and folded lines", () => {
    const ics = buildIcs({
      uid: "session-1@weike",
      start: new Date("2026-12-01T01:00:00Z"),
      end: new Date("2026-12-01T02:00:00Z"),
      stamp: new Date("2026-11-27T00:00:00Z"),
      summary: "投诉处理, 四步法; 第一课",
      location: "培训室 A",
      description: "x".repeat(200),
    });
    expect(ics).toContain("DTSTART:20261201T010000Z\r\n");
    expect(ics).toContain("SUMMARY:投诉处理\\, 四步法\\; 第一课");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
  it("never folds inside a character", () => {
    const folded = fold("中".repeat(40));
    expect(folded.split("\r\n ").join("")).toBe("中".repeat(40));
  });
});
