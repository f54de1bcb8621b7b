import { describe, expect, it } from "vitest";
import { handTypedFlag, pickSeriesSlots, type SeriesCandidate } from "~/roster/series";

const at = (day: string) => new Date(`${day}T00:00:00Z`);
function slot(day: string, flagged: SeriesCandidate["flagged"] = []): SeriesCandidate {
  return { day, startsAt: at(day), endsAt: new Date(at(day).getTime() + 3_600_000), flagged };
}
const days = (list: SeriesCandidate[]) => list.map((s) => s.day);
const rest = [{ userId: 7, reason: "rest" as const }];
const other = [{ userId: 7, reason: "otherShift" as const }];

describe("pickSeriesSlots", () => {
  it("takes the successive classes, one per day, in time order", () => {
    const c = [slot("2026-06-03"), slot("2026-06-01"), slot("2026-06-02"), slot("2026-06-04")];
    expect(days(pickSeriesSlots(c, 3))).toEqual(["2026-06-01", "2026-06-02", "2026-06-03"]);
  });

  it("never puts two modules on one day, nor on a day already taken", () => {
    const twice = { ...slot("2026-06-02"), startsAt: new Date(at("2026-06-02").getTime() + 7_200_000) };
    const c = [slot("2026-06-01"), slot("2026-06-02"), twice, slot("2026-06-03")];
    expect(days(pickSeriesSlots(c, 2, ["2026-06-01"]))).toEqual(["2026-06-02", "2026-06-03"]);
  });

  it("skips a day where an attendee rests while a clean class exists", () => {
    const c = [slot("2026-06-01"), slot("2026-06-02", rest), slot("2026-06-03"), slot("2026-06-04")];
    expect(days(pickSeriesSlots(c, 3))).toEqual(["2026-06-01", "2026-06-03", "2026-06-04"]);
  });

  it("uses flagged classes only when clean ones run out, rest days last", () => {
    const c = [slot("2026-06-01", rest), slot("2026-06-02", other), slot("2026-06-03"), slot("2026-06-04", rest)];
    expect(days(pickSeriesSlots(c, 3))).toEqual(["2026-06-01", "2026-06-02", "2026-06-03"]);
    expect(days(pickSeriesSlots(c, 2))).toEqual(["2026-06-02", "2026-06-03"]);
  });

  it("returns fewer than asked when the candidates run out", () => {
    expect(pickSeriesSlots([slot("2026-06-01")], 4)).toHaveLength(1);
    expect(pickSeriesSlots([], 1)).toEqual([]);
  });
});

describe("handTypedFlag", () => {
  const early = { userId: 1, day: "2026-06-01", code: "早班", startMin: 480, endMin: 1020, rest: false };
  const off = { ...early, code: "休", startMin: 0, endMin: 0, rest: true };
  it("accepts a time inside or next to a shift", () => {
    expect(handTypedFlag(480, 540, [early])).toBeNull();
    expect(handTypedFlag(420, 480, [early])).toBeNull();
    expect(handTypedFlag(1020, 1080, [early])).toBeNull();
  });
  it("flags a rest day and another shift, not a person without a roster", () => {
    expect(handTypedFlag(480, 540, [off])).toBe("rest");
    expect(handTypedFlag(1200, 1260, [early])).toBe("otherShift");
    expect(handTypedFlag(480, 540, [])).toBeNull();
  });
});
