import { describe, expect, it } from "vitest";
import { parseLocal } from "~/lib/clock";
import { atMinutes, deriveSlots, pickProposals, type CodeDef, type Shift, type SlotRule } from "~/roster/slots";

const codes = new Map<string, CodeDef>([
  ["早班", { code: "早班", startMin: 480, endMin: 1020, rest: false }],
  ["中班", { code: "中班", startMin: 720, endMin: 1260, rest: false }],
  ["休", { code: "休", startMin: 0, endMin: 0, rest: true }],
]);
const shift = (userId: number, day: string, code: string): Shift => ({ ...codes.get(code)!, userId, day, code });

// 2026-03-02 is a Monday.
describe("class slots of a team", () => {
  const shifts = [
    shift(1, "2026-03-02", "早班"),
    shift(2, "2026-03-02", "中班"),
    shift(1, "2026-03-03", "休"),
    shift(2, "2026-03-03", "中班"),
    shift(1, "2026-03-04", "早班"),
  ];
  it("puts the morning class in the first hour of the morning shift on the chosen weekdays only", () => {
    const rule: SlotRule = { weekdays: [1, 3], morningCode: "早班", beforeShift: false, afterShift: false };
    expect(deriveSlots(rule, shifts, codes, "2026-03-02", "2026-03-08")).toEqual([
      { day: "2026-03-02", kind: "morning", startMin: 480, endMin: 540 },
      { day: "2026-03-04", kind: "morning", startMin: 480, endMin: 540 },
    ]);
  });
  it("adds the hour before each shift start and after each shift end; no morning class when nobody works it", () => {
    const rule: SlotRule = { weekdays: [2], morningCode: "早班", beforeShift: true, afterShift: true };
    expect(deriveSlots(rule, shifts, codes, "2026-03-02", "2026-03-08")).toEqual([
      { day: "2026-03-03", kind: "before", startMin: 660, endMin: 720 },
      { day: "2026-03-03", kind: "after", startMin: 1260, endMin: 1320 },
    ]);
  });
  it("turns local minutes into instants in the configured zone, across midnight", () => {
    expect(atMinutes("2026-03-02", 480)).toEqual(parseLocal("2026-03-02", "08:00"));
    expect(atMinutes("2026-03-02", 1500)).toEqual(parseLocal("2026-03-03", "01:00"));
    expect(atMinutes("2026-03-02", -60)).toEqual(parseLocal("2026-03-01", "23:00"));
  });
});

describe("proposals", () => {
  const monday = { day: "2026-03-02", kind: "morning" as const, startMin: 480, endMin: 540 };
  const tuesday = { ...monday, day: "2026-03-03" };
  const wednesday = { ...monday, day: "2026-03-04" };
  const base = {
    candidates: [monday, tuesday, wednesday],
    attendeeIds: [1, 2],
    trainerId: 9,
    busy: [],
    from: parseLocal("2026-03-01", "00:00")!,
    count: 3,
  };
  const everyoneEarly = [1, 2, 9].flatMap((u) =>
    ["2026-03-02", "2026-03-03", "2026-03-04"].map((d) => shift(u, d, "早班")),
  );

  it("lists clean slots first and flags who is resting or on another shift", () => {
    const shifts = everyoneEarly.map((s) =>
      s.userId === 1 && s.day === "2026-03-02"
        ? shift(1, s.day, "休")
        : s.userId === 2 && s.day === "2026-03-03"
          ? shift(2, s.day, "中班")
          : s,
    );
    const got = pickProposals({ ...base, shifts });
    expect(got.map((p) => [p.day, p.start, p.end, p.flagged])).toEqual([
      ["2026-03-04", "08:00", "09:00", []],
      ["2026-03-02", "08:00", "09:00", [{ userId: 1, reason: "rest" }]],
      ["2026-03-03", "08:00", "09:00", [{ userId: 2, reason: "otherShift" }]],
    ]);
  });

  it("leaves out slots where the trainer rests or works elsewhere, and slots already taken", () => {
    const shifts = everyoneEarly.map((s) =>
      s.userId === 9 && s.day === "2026-03-02"
        ? shift(9, s.day, "休")
        : s.userId === 9 && s.day === "2026-03-03"
          ? shift(9, s.day, "中班")
          : s,
    );
    expect(pickProposals({ ...base, shifts }).map((p) => p.day)).toEqual(["2026-03-04"]);
    const busy = [{ startsAt: parseLocal("2026-03-04", "08:30")!, endsAt: parseLocal("2026-03-04", "09:30")! }];
    expect(pickProposals({ ...base, shifts: everyoneEarly, busy }).map((p) => p.day)).toEqual([
      "2026-03-02",
      "2026-03-03",
    ]);
  });

  it("starts at `from`, stops at `count`, and a trainer off the roster counts as free", () => {
    const shifts = everyoneEarly.filter((s) => s.userId !== 9);
    const got = pickProposals({ ...base, shifts, from: parseLocal("2026-03-02", "08:01")!, count: 1 });
    expect(got.map((p) => p.day)).toEqual(["2026-03-03"]);
  });
});
