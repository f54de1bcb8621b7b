// The day-string arithmetic is plain integer work; date-fns on UTC noon is the reference it must
// agree with, day by day, across leap years and month ends.
import { tz } from "@date-fns/tz";
import { addDays, addMonths, addYears, startOfMonth, startOfWeek } from "date-fns";
import { describe, expect, it } from "vitest";
import { addLocalDays, addLocalMonths, addLocalYears, monthStartDay, weekStart } from "~/lib/clock";

const utc = { in: tz("UTC") };
const iso = (d: Date) => new Date(d.getTime()).toISOString().slice(0, 10);
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

function* days(from: string, count: number) {
  for (let i = 0; i < count; i++) yield iso(addDays(noon(from), i, utc));
}

describe("day-string arithmetic", () => {
  const sample = [...days("1999-12-01", 3 * 366 + 40), ...days("2099-11-01", 90)];

  it("agrees with date-fns for days, months, years and weeks", () => {
    for (const day of sample) {
      for (const n of [-400, -31, -1, 0, 1, 29, 365])
        expect(addLocalDays(day, n)).toBe(iso(addDays(noon(day), n, utc)));
      for (const n of [-13, -1, 0, 1, 11, 25]) {
        expect(addLocalMonths(day, n)).toBe(iso(addMonths(noon(day), n, utc)));
        expect(monthStartDay(day, n)).toBe(iso(startOfMonth(addMonths(noon(day), n, utc), utc)));
      }
      for (const n of [-5, -1, 1, 4]) expect(addLocalYears(day, n)).toBe(iso(addYears(noon(day), n, utc)));
      expect(weekStart(day)).toBe(iso(startOfWeek(noon(day), { weekStartsOn: 1, ...utc })));
    }
  });

  it("keeps month ends: the 31st becomes the last day, Feb 29 becomes Feb 28", () => {
    expect(addLocalMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addLocalMonths("2028-03-31", -1)).toBe("2028-02-29");
    expect(addLocalYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(monthStartDay("2026-12-15", -11)).toBe("2026-01-01");
  });

  it("refuses what is not a day", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-1", ""])
      expect(() => addLocalDays(bad, 1)).toThrow(/Not a day/);
  });
});
