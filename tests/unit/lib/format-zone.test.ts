import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, setTimeZone } from "~/lib/clock";
import { formatDate, formatDateTime, formatTime } from "~/lib/i18n/format";

// 16:30 UTC on 29 November is 00:30 on 30 November in Shanghai, and 11:30 on the 29th in New York:
// whatever zone the process runs in, pages must print the configured zone's wall clock.
const at = "2026-11-29T16:30:00.000Z";

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe("dates and times are printed in the configured zone", () => {
  it("uses the default zone (Asia/Shanghai), not the process's", () => {
    expect(formatDateTime(at, "en")).toBe("Nov 30, 2026, 12:30 AM");
    expect(formatDateTime(at, "zh")).toBe("2026年11月30日 00:30");
    expect(formatDate(at, "en")).toBe("Nov 30, 2026");
    expect(formatTime(at, "zh")).toBe("00:30");
  });

  it("follows the zone when it is configured differently", () => {
    setTimeZone("America/New_York");
    expect(formatDateTime(at, "en")).toBe("Nov 29, 2026, 11:30 AM");
    expect(formatDate(at, "zh")).toBe("2026年11月29日");
  });

  it("an explicit zone in the options still wins", () => {
    expect(formatDate(at, "en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })).toBe(
      "Nov 29, 2026, 4:30 PM",
    );
  });
});
