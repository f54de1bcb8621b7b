import { describe, expect, it } from "vitest";
import { dueDayAllowed, reminderDue, standing } from "~/assignments/rules";
import { parseLocal } from "~/lib/clock";

const at = (day: string, time = "12:00") => parseLocal(day, time)!;
const base = { dueDay: "2026-12-10", refreshMonths: null, lastCompletedAt: null, started: false };

describe("standing", () => {
  it("is not started, in progress, overdue after the due day, and done once completed", () => {
    expect(standing(base, "2026-12-10").state).toBe("new");
    expect(standing({ ...base, started: true }, "2026-12-10").state).toBe("progress");
    expect(standing({ ...base, started: true }, "2026-12-11").state).toBe("overdue");
    expect(standing({ ...base, lastCompletedAt: at("2026-12-01") }, "2027-06-01").state).toBe("done");
  });

  it("lets a refreshable completion lapse on the same day N months later", () => {
    const f = { ...base, refreshMonths: 12, lastCompletedAt: at("2026-12-05") };
    expect(standing(f, "2027-12-04")).toEqual({ state: "done", dueDay: "2027-12-05", done: true });
    expect(standing(f, "2027-12-05")).toEqual({ state: "new", dueDay: "2027-12-05", done: false });
    expect(standing(f, "2027-12-06").state).toBe("overdue");
  });

  it("counts a completion late in the local evening on its local day (Asia/Shanghai)", () => {
    // 23:30 in Shanghai on 5 December is still 5 December, though UTC says 15:30 the same day.
    const f = { ...base, refreshMonths: 1, lastCompletedAt: at("2026-12-05", "23:30") };
    expect(standing(f, "2027-01-04").state).toBe("done");
    expect(standing(f, "2027-01-05").state).toBe("new");
  });
});

describe("reminders", () => {
  it("asks 'due soon' from three days before to the due day, then 'overdue'", () => {
    expect(reminderDue(base, "2026-12-06")).toBeNull();
    expect(reminderDue(base, "2026-12-07")).toEqual({ kind: "due-soon", cycle: "2026-12-10" });
    expect(reminderDue(base, "2026-12-10")).toEqual({ kind: "due-soon", cycle: "2026-12-10" });
    expect(reminderDue(base, "2026-12-11")).toEqual({ kind: "overdue", cycle: "2026-12-10" });
    expect(reminderDue({ ...base, lastCompletedAt: at("2026-12-01") }, "2026-12-11")).toBeNull();
  });

  it("warns before a refreshable completion lapses, in a new cycle", () => {
    const f = { ...base, refreshMonths: 12, lastCompletedAt: at("2026-12-05") };
    expect(reminderDue(f, "2027-12-01")).toBeNull();
    expect(reminderDue(f, "2027-12-02")).toEqual({ kind: "due-soon", cycle: "2027-12-05" });
  });
});

describe("due day", () => {
  it("allows today and later in the configured zone, never yesterday", () => {
    // 00:30 on 2 December in Shanghai is still 1 December in UTC.
    const now = at("2026-12-02", "00:30");
    expect(dueDayAllowed("2026-12-02", now)).toBe(true);
    expect(dueDayAllowed("2026-12-01", now)).toBe(false);
  });
});
