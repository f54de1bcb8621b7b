// The roster import plan: what each line of an uploaded roster says (who, which day, which
// shift) and what is wrong with it, named by line. Pure, one pass with in-memory maps of people
// and shift codes, so the preview and the transaction that applies the file compute the very
// same plan, and 180,000 lines take well under a second. Decision 039.
import { readCsv } from "~/admin/csv-read";
import { isLocalDay } from "~/lib/clock";
import { parseClock, shiftSpan } from "./time";

export const ROSTER_FIELDS = ["employeeNo", "date", "code", "start", "end"] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

// Header names as HR exports write them, compared without case, spaces, dots, hyphens, underscores.
const HEADER_NAMES: Record<string, RosterField> = {
  工号: "employeeNo",
  员工编号: "employeeNo",
  employeeno: "employeeNo",
  employeenumber: "employeeNo",
  日期: "date",
  date: "date",
  班次: "code",
  班次代码: "code",
  shift: "code",
  code: "code",
  shiftcode: "code",
  开始: "start",
  开始时间: "start",
  上班时间: "start",
  start: "start",
  结束: "end",
  结束时间: "end",
  下班时间: "end",
  end: "end",
};

const normalHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s._-]/g, "");

export interface RosterError {
  line: number;
  field: RosterField | "file";
  key: string;
  params?: Record<string, string | number>;
}

export interface ShiftDef {
  startMin: number;
  endMin: number;
  rest: boolean;
}

export interface RosterContext {
  /** employee number → user id (active people only). */
  people: Map<string, number>;
  /** shift code → its hours. */
  codes: Map<string, ShiftDef>;
}

export interface RosterLine {
  line: number;
  employeeNo: string;
  userId: number | null;
  day: string;
  code: string;
  startMin: number;
  endMin: number;
  rest: boolean;
  errors: RosterError[];
}

export interface RosterPlan {
  fileErrors: RosterError[];
  lines: RosterLine[];
  counts: { lines: number; badLines: number; errors: number; people: number };
  /** The period the clean lines cover (first and last day), null when none is clean. */
  period: { from: string; to: string } | null;
}

/** "2026/3/1", "2026-03-01", "2026.3.1" → "2026-03-01"; null unless the day exists. */
export function normalDay(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isLocalDay(day) ? day : null;
}

/** Days since 1970-01-01 of a valid "YYYY-MM-DD": lets shifts of different days be compared. */
function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function summarise(fileErrors: RosterError[], lines: RosterLine[]): RosterPlan {
  let badLines = 0;
  let errors = fileErrors.length;
  let from: string | null = null;
  let to: string | null = null;
  const people = new Set<number>();
  for (const l of lines) {
    if (l.errors.length) {
      badLines++;
      errors += l.errors.length;
      continue;
    }
    people.add(l.userId!);
    if (from === null || l.day < from) from = l.day;
    if (to === null || l.day > to) to = l.day;
  }
  return {
    fileErrors,
    lines,
    counts: { lines: lines.length - badLines, badLines, errors, people: people.size },
    period: from && to ? { from, to } : null,
  };
}

const cellAt = (cells: string[], i: number) => (i < 0 ? "" : (cells[i] ?? "").trim());

/** The plan for a roster file: one entry per data line, errors named by line and field. */
export function planRoster(text: string, ctx: RosterContext): RosterPlan {
  const read = readCsv(text);
  if (!read.ok) return summarise([{ line: read.line, field: "file", key: read.key }], []);
  const [header, ...records] = read.records;
  if (!header) return summarise([{ line: 1, field: "file", key: "admin:import.err.empty" }], []);
  const fileErrors: RosterError[] = [];
  const columns = header.cells.map((h) => HEADER_NAMES[normalHeader(h)] ?? null);
  header.cells.forEach((h, i) => {
    if (h.trim() !== "" && columns[i] === null)
      fileErrors.push({ line: header.line, field: "file", key: "admin:import.err.unknownColumn", params: { name: h } });
  });
  for (const f of ROSTER_FIELDS) {
    if (columns.filter((c) => c === f).length > 1)
      fileErrors.push({
        line: header.line,
        field: "file",
        key: "admin:import.err.duplicateColumn",
        params: { name: f },
      });
  }
  for (const f of ["employeeNo", "date"] as const) {
    if (!columns.includes(f))
      fileErrors.push({ line: header.line, field: "file", key: "admin:import.err.missingColumn", params: { name: f } });
  }
  if (!columns.includes("code") && !(columns.includes("start") && columns.includes("end")))
    fileErrors.push({ line: header.line, field: "file", key: "roster:import.err.noShiftColumn" });
  if (records.length === 0) fileErrors.push({ line: 2, field: "file", key: "admin:import.err.noLines" });
  if (fileErrors.length) return summarise(fileErrors, []);

  const index = (f: RosterField) => columns.indexOf(f);
  const at = {
    employeeNo: index("employeeNo"),
    date: index("date"),
    code: index("code"),
    start: index("start"),
    end: index("end"),
  };
  // A roster repeats a few dozen dates thousands of times; each is checked against the calendar once.
  const days = new Map<string, string>();
  // One plain loop without per-line closures: 180,000 lines must plan in well under a second.
  const lines: RosterLine[] = new Array(records.length);
  for (let r = 0; r < records.length; r++) {
    const record = records[r]!;
    const line = record.line;
    const errors: RosterError[] = [];
    const cells = record.cells;
    if (cells.length !== columns.length)
      errors.push({
        line,
        field: "file",
        key: "admin:import.err.cellCount",
        params: { expected: columns.length, found: cells.length },
      });
    const employeeNo = cellAt(cells, at.employeeNo);
    const userId = ctx.people.get(employeeNo) ?? null;
    if (userId === null)
      errors.push({ line, field: "employeeNo", key: "roster:import.err.unknownUser", params: { value: employeeNo } });
    const dateText = cellAt(cells, at.date);
    let day = days.get(dateText);
    if (day === undefined) days.set(dateText, (day = normalDay(dateText) ?? ""));
    if (!day) errors.push({ line, field: "date", key: "roster:import.err.badDate", params: { value: dateText } });

    const code = cellAt(cells, at.code);
    const startText = cellAt(cells, at.start);
    const endText = cellAt(cells, at.end);
    let startMin = 0;
    let endMin = 0;
    let rest = false;
    if (code) {
      const def = ctx.codes.get(code);
      if (!def) errors.push({ line, field: "code", key: "roster:import.err.unknownCode", params: { value: code } });
      else if (startText || endText) errors.push({ line, field: "start", key: "roster:import.err.codeAndTimes" });
      else {
        startMin = def.startMin;
        endMin = def.endMin;
        rest = def.rest;
      }
    } else if (!startText && !endText) errors.push({ line, field: "code", key: "roster:import.err.noShift" });
    else {
      const start = parseClock(startText);
      const end = parseClock(endText);
      const s = start === null || end === null ? null : shiftSpan(start, end);
      if (!s)
        errors.push({
          line,
          field: start === null ? "start" : "end",
          key: "roster:import.err.badTime",
          params: { start: startText, end: endText },
        });
      else {
        startMin = s.startMin;
        endMin = s.endMin;
      }
    }
    lines[r] = { line, employeeNo, userId, day, code, startMin, endMin, rest, errors };
  }

  markOverlaps(lines);
  return summarise([], lines);
}

// Two lines of one person overlap when their hours intersect (a night shift may reach into the
// next day), or when one is a rest day and the other falls on the same day. The later line of
// the file carries the error and names the earlier one.
function markOverlaps(lines: RosterLine[]) {
  const flag = (a: RosterLine, b: RosterLine) => {
    const [earlier, later] = a.line < b.line ? [a, b] : [b, a];
    later.errors.push({
      line: later.line,
      field: "date",
      key: "roster:import.err.overlap",
      params: { other: earlier.line },
    });
    return later;
  };
  const byPerson = new Map<number, RosterLine[]>();
  for (const l of lines) {
    if (l.errors.length || l.userId === null) continue;
    const list = byPerson.get(l.userId);
    if (list) list.push(l);
    else byPerson.set(l.userId, [l]);
  }
  const dayNumbers = new Map<string, number>();
  const minuteOf = (day: string) => {
    let n = dayNumbers.get(day);
    if (n === undefined) dayNumbers.set(day, (n = dayNumber(day) * 1440));
    return n;
  };
  for (const list of byPerson.values()) {
    const firstOfDay = new Map<string, RosterLine>();
    const working: { l: RosterLine; s: number; e: number }[] = [];
    // Each list is already in file order (lines are visited in order above).
    for (const l of list) {
      const other = firstOfDay.get(l.day);
      if (other && (other.rest || l.rest)) {
        flag(other, l);
        continue;
      }
      if (!other) firstOfDay.set(l.day, l);
      if (!l.rest) working.push({ l, s: minuteOf(l.day) + l.startMin, e: minuteOf(l.day) + l.endMin });
    }
    working.sort((a, b) => a.s - b.s || a.l.line - b.l.line);
    let reach: (typeof working)[number] | null = null;
    for (const span of working) {
      if (span.l.errors.length) continue;
      if (reach && span.s < reach.e) {
        if (flag(reach.l, span.l) === reach.l) reach = span;
        continue;
      }
      if (!reach || span.e > reach.e) reach = span;
    }
  }
}

/** The lines that will be stored: all of them when the file is clean, the clean ones when skipping. */
export function linesToStore(plan: RosterPlan): RosterLine[] {
  return plan.lines.filter((l) => l.errors.length === 0);
}

// A file of 180,000 wrong lines would otherwise send and render 180,000 table rows.
export const PROBLEMS_SHOWN = 200;

/** The problems a preview lists (file problems first, then by line), and how many are left out. */
export function firstProblems(plan: RosterPlan, limit = PROBLEMS_SHOWN): { shown: RosterError[]; more: number } {
  const shown = plan.fileErrors.slice(0, limit);
  for (const l of plan.lines) {
    if (shown.length >= limit) break;
    for (const e of l.errors) if (shown.length < limit) shown.push(e);
  }
  return { shown, more: plan.counts.errors - shown.length };
}
