import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  addLocalYears,
  dayBounds,
  isLocalDay,
  localDateTime,
  localDay,
  localInput,
  localMonth,
  localTime,
  monthsBetween,
  monthStart,
  monthStartDay,
  parseLocal,
  parseLocalInput,
  startOfLocalDay,
  timeZone,
  weekStart,
} from "~/lib/clock";

// 2026-12-01 07:30 in Shanghai (UTC+8, no daylight saving).
const morning = new Date("2026-11-30T23:30:00.000Z");

describe("clock in Asia/Shanghai (the default)", () => {
  it("is the configured default", () => {
    expect(timeZone()).toBe("Asia/Shanghai");
  });
  it("puts an early class on its local day and month, not the UTC ones", () => {
    expect(morning.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(localDay(morning)).toBe("2026-12-01");
    expect(localMonth(morning)).toBe("2026-12");
    expect(localTime(morning)).toBe("07:30");
    expect(localDateTime(morning)).toBe("2026-12-01 07:30");
    expect(localInput(morning)).toBe("2026-12-01T07:30");
    expect(startOfLocalDay(morning).toISOString()).toBe("2026-11-30T16:00:00.000Z");
  });
  it("reads a local day and time as an instant", () => {
    expect(parseLocal("2026-12-01", "07:30")?.toISOString()).toBe(morning.toISOString());
    expect(parseLocal("2026-12-01")?.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(parseLocalInput("2026-12-01T09:00")?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
  });
  it("rejects impossible and malformed input", () => {
    for (const [d, t] of [
      ["2026-02-30", "09:00"],
      ["2026-02-29", "09:00"],
      ["2026-13-01", "09:00"],
      ["2026-12-01", "24:00"],
      ["2026-12-01", "09:60"],
      ["26-12-01", "09:00"],
      ["", "09:00"],
    ] as const)
      expect(parseLocal(d, t)).toBeNull();
    expect(parseLocal("2028-02-29", "09:00")).not.toBeNull();
    expect(parseLocalInput("2026-12-01 09:00")).toBeNull();
    expect(isLocalDay("2026-02-30")).toBe(false);
    expect(isLocalDay("2026-02-28")).toBe(true);
  });
  it("gives 24-hour day bounds and month starts at local midnight", () => {
    const b = dayBounds("2026-12-01")!;
    expect([b.start.toISOString(), b.end.toISOString()]).toEqual([
      "2026-11-30T16:00:00.000Z",
      "2026-12-01T16:00:00.000Z",
    ]);
    expect(monthStart("2026-12").toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(dayBounds("2026-02-30")).toBeNull();
  });
  it("steps days, years and weeks (Monday first) across year ends", () => {
    expect(addLocalDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addLocalDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addLocalYears("2028-02-29", -5)).toBe("2023-02-28");
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
    expect(monthStartDay("2026-12-15", -11)).toBe("2026-01-01");
    expect(monthsBetween("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("clock in a zone with daylight saving (Europe/Berlin)", () => {
  const z = "Europe/Berlin";
  it("uses the summer offset in summer and the winter offset in winter", () => {
    expect(parseLocal("2026-07-01", "09:00", z)?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(parseLocal("2026-12-01", "09:00", z)?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(localDay("2026-06-30T22:30:00.000Z", z)).toBe("2026-07-01");
    expect(localMonth("2026-06-30T22:30:00.000Z", z)).toBe("2026-07");
  });
  it("has a 23-hour day in March and a 25-hour day in October", () => {
    const spring = dayBounds("2026-03-29", z)!;
    expect((spring.end.getTime() - spring.start.getTime()) / 3600_000).toBe(23);
    const autumn = dayBounds("2026-10-25", z)!;
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3600_000).toBe(25);
    expect(spring.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });
  it("rejects the wall time the spring change skips", () => {
    expect(parseLocal("2026-03-29", "02:30", z)).toBeNull();
    expect(parseLocal("2026-03-29", "03:30", z)?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
});
