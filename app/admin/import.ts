// The import plan: which lines of an HR system's user file would create, update or leave a user
// as they are, and what is wrong with each line. Pure, so the preview and the transaction that
// applies the file compute the very same plan. Decision 031.
import { z } from "zod";
import { keepsOwnAdmin } from "~/auth/policy";
import { GRADES, ROLES, type Grade, type Role } from "~/auth/roles";
import common from "~/lib/i18n/common.messages";
import { readCsv, type CsvRecord } from "./csv-read";

/** A file larger than this is refused before it is read. */
export const IMPORT_MAX_BYTES = 512 * 1024;
/** At most this many data lines a file (a centre's whole staff, with room to spare). */
export const IMPORT_MAX_LINES = 5000;

export const FIELDS = ["employeeNo", "name", "email", "team", "grade", "roles"] as const;
export type Field = (typeof FIELDS)[number];

// Header names as HR systems write them, compared without case, spaces, dots, hyphens, underscores.
const HEADER_NAMES: Record<string, Field> = {
  工号: "employeeNo",
  员工编号: "employeeNo",
  employeeno: "employeeNo",
  employeenumber: "employeeNo",
  姓名: "name",
  name: "name",
  邮箱: "email",
  电子邮件: "email",
  电子邮箱: "email",
  email: "email",
  团队: "team",
  team: "team",
  职级: "grade",
  grade: "grade",
  角色: "roles",
  roles: "roles",
  role: "roles",
};

const normalHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s._-]/g, "");

/** A problem on one line: the field it concerns ("file" for the file as a whole) and the message key. */
export interface LineError {
  line: number;
  field: Field | "file";
  key: string;
  params?: Record<string, string | number>;
}

export interface Existing {
  id: number;
  name: string;
  email: string;
  employeeNo: string;
  grade: string;
  teamId: number | null;
  roles: string[];
  active: boolean;
}

export interface ImportContext {
  actorId: number;
  teams: Map<string, number>; // team name → id
  byEmployeeNo: Map<string, Existing>;
  emailOwner: Map<string, string>; // e-mail → employee number
}

/** What one clean line does: `values` are the fields the line sets. */
export interface Values {
  name?: string;
  email?: string;
  teamId?: number | null;
  grade?: Grade;
  roles?: Role[];
}

export interface PlanLine {
  line: number;
  employeeNo: string;
  action: "create" | "update" | "unchanged";
  userId: number | null;
  values: Values;
  /** For the preview: each changed field, before → after, as the admin reads them. */
  changes: { field: Field; from: string; to: string }[];
  errors: LineError[];
}

export interface Plan {
  fileErrors: LineError[];
  lines: PlanLine[];
  counts: { create: number; update: number; unchanged: number; errors: number };
}

export const EMPLOYEE_NO = /^[A-Za-z0-9-]{1,20}$/;
const emailSchema = z.email();

// Grades and roles as codes or as either language's label ("高级", "Senior", "TRAINER", "讲师").
function aliases<T extends string>(codes: readonly T[], prefix: string): Map<string, T> {
  const map = new Map<string, T>();
  const labels = [common.zh, common.en] as Record<string, string>[];
  for (const code of codes) {
    map.set(code.toLowerCase(), code);
    for (const l of labels) {
      const label = l[`${prefix}.${code}`];
      if (label) map.set(label.toLowerCase(), code);
    }
  }
  return map;
}
const GRADE_ALIASES = aliases(GRADES, "grade");
const ROLE_ALIASES = aliases(ROLES, "role");

export function parseGrade(text: string): Grade | null {
  return GRADE_ALIASES.get(text.trim().toLowerCase()) ?? null;
}

/** Roles separated by ; , | 、 or spaces (either width); null when one of them is unknown. */
export function parseRoles(text: string): { roles: Role[]; unknown: string | null } {
  const parts = text
    .split(/[;；,，|、\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const roles: Role[] = [];
  for (const p of parts) {
    const role = ROLE_ALIASES.get(p.toLowerCase());
    if (!role) return { roles: [], unknown: p };
    if (!roles.includes(role)) roles.push(role);
  }
  return { roles: ROLES.filter((r) => roles.includes(r)), unknown: null };
}

/** Reads the header and the records; the errors that make the whole file unusable come back alone. */
export function readTable(
  text: string,
  required: Field[],
): { ok: true; columns: (Field | null)[]; records: CsvRecord[] } | { ok: false; errors: LineError[] } {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, errors: [{ line: read.line, field: "file", key: read.key }] };
  const [header, ...records] = read.records;
  if (!header) return { ok: false, errors: [{ line: 1, field: "file", key: "admin:import.err.empty" }] };
  if (records.length > IMPORT_MAX_LINES) {
    return {
      ok: false,
      errors: [{ line: 1, field: "file", key: "admin:import.err.tooManyLines", params: { max: IMPORT_MAX_LINES } }],
    };
  }
  const errors: LineError[] = [];
  const columns = header.cells.map((h) => HEADER_NAMES[normalHeader(h)] ?? null);
  header.cells.forEach((h, i) => {
    if (h.trim() !== "" && columns[i] === null)
      errors.push({ line: header.line, field: "file", key: "admin:import.err.unknownColumn", params: { name: h } });
  });
  for (const f of FIELDS) {
    if (columns.filter((c) => c === f).length > 1)
      errors.push({ line: header.line, field: "file", key: "admin:import.err.duplicateColumn", params: { name: f } });
  }
  for (const f of required) {
    if (!columns.includes(f))
      errors.push({ line: header.line, field: "file", key: "admin:import.err.missingColumn", params: { name: f } });
  }
  if (records.length === 0) errors.push({ line: 2, field: "file", key: "admin:import.err.noLines" });
  return errors.length ? { ok: false, errors } : { ok: true, columns, records };
}

function cellsOf(columns: (Field | null)[], record: CsvRecord): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  columns.forEach((c, i) => {
    if (c) out[c] = (record.cells[i] ?? "").trim();
  });
  return out;
}

function teamName(ctx: ImportContext, id: number | null): string {
  if (id === null) return "";
  for (const [name, teamId] of ctx.teams) if (teamId === id) return name;
  return String(id);
}

function summarise(fileErrors: LineError[], lines: PlanLine[]): Plan {
  const counts = { create: 0, update: 0, unchanged: 0, errors: fileErrors.length };
  for (const l of lines) {
    if (l.errors.length) counts.errors += l.errors.length;
    else counts[l.action]++;
  }
  return { fileErrors, lines, counts };
}

/** The plan for a user file: one entry per data line, errors named by line and field. */
export function planImport(text: string, ctx: ImportContext): Plan {
  const table = readTable(text, ["employeeNo"]);
  if (!table.ok) return summarise(table.errors, []);
  const seenNo = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const lines = table.records.map((record): PlanLine => {
    const line = record.line;
    const errors: LineError[] = [];
    const err = (field: Field, key: string, params?: LineError["params"]) => errors.push({ line, field, key, params });
    if (record.cells.length !== table.columns.length) {
      errors.push({
        line,
        field: "file",
        key: "admin:import.err.cellCount",
        params: { expected: table.columns.length, found: record.cells.length },
      });
    }
    const cells = cellsOf(table.columns, record);
    const employeeNo = cells.employeeNo ?? "";
    const existing = ctx.byEmployeeNo.get(employeeNo) ?? null;
    const values: Values = {};

    if (!EMPLOYEE_NO.test(employeeNo)) err("employeeNo", "admin:err.employeeNo");
    else if (seenNo.has(employeeNo))
      err("employeeNo", "admin:import.err.repeatedNo", { first: seenNo.get(employeeNo)! });
    else seenNo.set(employeeNo, line);

    // An empty cell leaves an existing user's field as it is; a new user needs a name and an e-mail.
    if (cells.name) {
      if (cells.name.length > 80) err("name", "admin:err.nameTooLong");
      else values.name = cells.name;
    } else if (!existing) err("name", "admin:err.nameRequired");

    if (cells.email) {
      const email = cells.email.toLowerCase();
      const owner = ctx.emailOwner.get(email);
      if (email.length > 254 || !emailSchema.safeParse(email).success) err("email", "auth:login.emailInvalid");
      else if (owner !== undefined && owner !== employeeNo) err("email", "admin:err.emailTaken");
      else if (seenEmail.has(email)) err("email", "admin:import.err.repeatedEmail", { first: seenEmail.get(email)! });
      else {
        seenEmail.set(email, line);
        values.email = email;
      }
    } else if (!existing) err("email", "auth:login.emailRequired");

    if (cells.team) {
      const id = ctx.teams.get(cells.team);
      if (id === undefined) err("team", "admin:import.err.unknownTeam", { name: cells.team });
      else values.teamId = id;
    }
    if (cells.grade) {
      const grade = parseGrade(cells.grade);
      if (!grade) err("grade", "admin:import.err.grade", { value: cells.grade });
      else values.grade = grade;
    }
    if (cells.roles) {
      const { roles, unknown } = parseRoles(cells.roles);
      if (unknown !== null) err("roles", "admin:import.err.role", { value: unknown });
      else if (existing && !keepsOwnAdmin(ctx.actorId, existing.id, roles)) err("roles", "admin:err.selfAdmin");
      else values.roles = roles;
    }

    const changes: PlanLine["changes"] = [];
    if (existing) {
      const note = (field: Field, from: string, to: string) => {
        if (from !== to) changes.push({ field, from, to });
      };
      if (values.name !== undefined) note("name", existing.name, values.name);
      if (values.email !== undefined) note("email", existing.email, values.email);
      if (values.teamId !== undefined)
        note("team", teamName(ctx, existing.teamId), teamName(ctx, values.teamId ?? null));
      if (values.grade !== undefined) note("grade", existing.grade, values.grade);
      if (values.roles !== undefined)
        note("roles", ROLES.filter((r) => existing.roles.includes(r)).join(" "), values.roles.join(" "));
    }
    const action = !existing ? "create" : changes.length ? "update" : "unchanged";
    return { line, employeeNo, action, userId: existing?.id ?? null, values, changes, errors };
  });
  return summarise([], lines);
}

export interface DeactivationLine {
  line: number;
  employeeNo: string;
  userId: number | null;
  name: string;
  action: "deactivate" | "unchanged";
  errors: LineError[];
}

export interface DeactivationPlan {
  fileErrors: LineError[];
  lines: DeactivationLine[];
  counts: { deactivate: number; unchanged: number; errors: number };
}

/** The plan for a file of employee numbers to deactivate (other columns are read and ignored). */
export function planDeactivation(text: string, ctx: Pick<ImportContext, "actorId" | "byEmployeeNo">): DeactivationPlan {
  const table = readTable(text, ["employeeNo"]);
  const counts = { deactivate: 0, unchanged: 0, errors: 0 };
  if (!table.ok) return { fileErrors: table.errors, lines: [], counts: { ...counts, errors: table.errors.length } };
  const col = table.columns.indexOf("employeeNo");
  const seen = new Map<string, number>();
  const lines = table.records.map((record): DeactivationLine => {
    const employeeNo = (record.cells[col] ?? "").trim();
    const user = ctx.byEmployeeNo.get(employeeNo) ?? null;
    const errors: LineError[] = [];
    const line = record.line;
    if (!EMPLOYEE_NO.test(employeeNo)) errors.push({ line, field: "employeeNo", key: "admin:err.employeeNo" });
    else if (seen.has(employeeNo))
      errors.push({
        line,
        field: "employeeNo",
        key: "admin:import.err.repeatedNo",
        params: { first: seen.get(employeeNo)! },
      });
    else if (!user)
      errors.push({ line, field: "employeeNo", key: "admin:import.err.unknownUser", params: { value: employeeNo } });
    else if (user.id === ctx.actorId) errors.push({ line, field: "employeeNo", key: "admin:err.selfDeactivate" });
    seen.set(employeeNo, seen.get(employeeNo) ?? line);
    const action = user && !user.active ? "unchanged" : "deactivate";
    if (errors.length) counts.errors += errors.length;
    else counts[action]++;
    return { line, employeeNo, userId: user?.id ?? null, name: user?.name ?? "", action, errors };
  });
  return { fileErrors: [], lines, counts };
}
