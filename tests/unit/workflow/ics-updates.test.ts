// A moved or cancelled class updates the event calendars already hold: same UID, higher SEQUENCE,
// and a cancellation sent as METHOD:CANCEL. Read back with a real iCalendar parser.
import { describe, expect, it } from "vitest";
import { buildIcs } from "~/workflow/ics";
import { readIcs } from "../../fixtures/ical";

const base = {
  uid: "session-7@weike",
  start: new Date("2026-12-01T01:00:00Z"),
  end: new Date("2026-12-01T02:00:00Z"),
  stamp: new Date("2026-11-29T10:00:00Z"),
  summary: "投诉处理四步法, 第一课",
  location: "培训室 A",
  description: "讲师：李娜。参训 3 人。",
};

describe("ics updates", () => {
  it("publishes a scheduled class with its sequence", () => {
    const e = readIcs(buildIcs(base));
    expect(e).toMatchObject({ method: "PUBLISH", uid: "session-7@weike", sequence: 0, status: "CONFIRMED" });
    expect(e.start.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(e.summary).toBe("投诉处理四步法, 第一课");
  });

  it("a moved class keeps its UID, raises SEQUENCE and carries the new time", () => {
    const before = readIcs(buildIcs(base));
    const after = readIcs(
      buildIcs({
        ...base,
        start: new Date("2026-12-02T06:00:00Z"),
        end: new Date("2026-12-02T07:00:00Z"),
        stamp: new Date("2026-11-29T11:00:00Z"),
        location: "培训室 B",
        sequence: 1,
      }),
    );
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start.toISOString()).toBe("2026-12-02T06:00:00.000Z");
    expect(after.location).toBe("培训室 B");
    expect(after.stamp.getTime()).toBeGreaterThan(before.stamp.getTime());
  });

  it("a cancelled class is sent as METHOD:CANCEL with STATUS:CANCELLED", () => {
    const text = buildIcs({ ...base, cancelled: true, sequence: 2 });
    const e = readIcs(text);
    expect(e).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: "session-7@weike", sequence: 2 });
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
