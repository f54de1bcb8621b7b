import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, decodeRosterUpload } from "~/roster/decode";
import { planRoster, type RosterContext } from "~/roster/plan";

const ctx: RosterContext = {
  people: new Map([
    ["A001", 1],
    ["A002", 2],
  ]),
  codes: new Map([
    ["早班", { startMin: 480, endMin: 1020, rest: false }],
    ["晚班", { startMin: 900, endMin: 1440, rest: false }],
    ["休", { startMin: 0, endMin: 0, rest: true }],
  ]),
};

const HEADER = "工号,日期,班次,开始时间,结束时间\n";
const keysOf = (text: string) =>
  planRoster(HEADER + text, ctx).lines.map((l) => [l.line, ...l.errors.map((e) => e.key.replace("roster:", ""))]);

describe("roster file decoding", () => {
  const text = "工号,日期,班次\nA001,2026-03-02,早班\n";
  it("reads UTF-8 without and with a BOM", () => {
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ text, encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeCsvBytes(bom)).toEqual({ text, encoding: "utf-8" });
  });
  it("falls back to GB18030 as Chinese Excel writes it", () => {
    const bytes = new Uint8Array(iconv.encode(text, "gb18030"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: "gb18030" });
  });
  it("refuses bytes that are neither, with a 400 on the file field", () => {
    const bytes = new Uint8Array([0x41, 0xff, 0xfe, 0x42]);
    expect(decodeCsvBytes(bytes)).toBeNull();
    expect(() => decodeRosterUpload(bytes)).toThrow(
      expect.objectContaining({ status: 400, messageKey: "roster:import.err.encoding" }),
    );
  });
});

describe("roster plan", () => {
  it("reads codes, explicit times (a night shift ends the next day) and Excel's 2026/3/1 dates", () => {
    const plan = planRoster(HEADER + "A001,2026/3/2,早班,,\nA001,2026-03-03,,22:00,06:00\nA002,2026-03-02,休,,\n", ctx);
    expect(plan.counts).toEqual({ lines: 3, badLines: 0, errors: 0, people: 2 });
    expect(plan.period).toEqual({ from: "2026-03-02", to: "2026-03-03" });
    expect(plan.lines.map((l) => [l.day, l.code, l.startMin, l.endMin, l.rest])).toEqual([
      ["2026-03-02", "早班", 480, 1020, false],
      ["2026-03-03", "", 1320, 1800, false],
      ["2026-03-02", "休", 0, 0, true],
    ]);
  });

  it("names every row error by its line", () => {
    expect(
      keysOf(
        [
          "B999,2026-03-02,早班,,", // 2 unknown employee number
          "A001,2026-03-02,夜班,,", // 3 unknown code
          "A001,2026-02-30,早班,,", // 4 a day that does not exist
          "A001,2026-03-04,,25:00,26:00", // 5 bad time
          "A001,2026-03-05,,09:00,09:00", // 6 start = end
          "A001,2026-03-06,,,", // 7 no shift at all
          "A001,2026-03-07,早班,08:00,17:00", // 8 both a code and times
          "A002,2026-03-02,早班,,", // 9 fine
          "A002,2026-03-02,晚班,,", // 10 overlaps line 9 (15:00 < 17:00)
          "A002,2026-03-03,休,,", // 11 fine
          "A002,2026-03-03,,18:00,19:00", // 12 works on a rest day
          "A001,2026-03-09,早班", // 13 a cell missing
        ].join("\n"),
      ),
    ).toEqual([
      [2, "import.err.unknownUser"],
      [3, "import.err.unknownCode"],
      [4, "import.err.badDate"],
      [5, "import.err.badTime"],
      [6, "import.err.badTime"],
      [7, "import.err.noShift"],
      [8, "import.err.codeAndTimes"],
      [9],
      [10, "import.err.overlap"],
      [11],
      [12, "import.err.overlap"],
      [13, "admin:import.err.cellCount"],
    ]);
  });

  it("sees a night shift reach into the next morning, but not into the next day's rest", () => {
    const lines = planRoster(
      HEADER +
        "A001,2026-03-02,,22:00,09:00\nA001,2026-03-03,早班,,\nA002,2026-03-02,,22:00,06:00\nA002,2026-03-03,休,,\n",
      ctx,
    ).lines;
    expect(lines.map((l) => l.errors.map((e) => e.params))).toEqual([[], [{ other: 2 }], [], []]);
  });

  it("refuses a file without the needed columns before reading its lines", () => {
    const plan = planRoster("工号,班次\nA001,早班\n", ctx);
    expect(plan.fileErrors.map((e) => e.key)).toEqual(["admin:import.err.missingColumn"]);
    expect(planRoster("工号,日期\nA001,2026-03-02\n", ctx).fileErrors.map((e) => e.key)).toEqual([
      "roster:import.err.noShiftColumn",
    ]);
  });
});
