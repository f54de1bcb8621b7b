import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, setTimeZone } from "~/lib/clock";
import { formatDate, formatDateTime } from "~/lib/i18n/format";

// 2026-11-29 17:30 UTC is already 30 November, 01:30 in China.
const LATE_EVENING_UTC = new Date("2026-11-29T17:30:00Z");

describe("dates on pages are printed in the configured zone, whatever the runtime's zone", () => {
  afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

  it("prints China's calendar day and wall-clock time by default", () => {
    expect(formatDate(LATE_EVENING_UTC, "en", { year: "numeric", month: "2-digit", day: "2-digit" })).toBe(
      "11/30/2026",
    );
    expect(formatDateTime(LATE_EVENING_UTC, "zh")).toContain("01:30");
  });

  it("follows a change of the configured zone", () => {
    setTimeZone("Europe/London");
    expect(formatDateTime(LATE_EVENING_UTC, "en")).toContain("5:30");
    expect(formatDate(LATE_EVENING_UTC, "en", { day: "numeric" })).toBe("29");
  });
});
