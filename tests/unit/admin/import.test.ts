import { describe, expect, it } from "vitest";
import { readCsv } from "~/admin/csv-read";
import {
  IMPORT_MAX_LINES,
  parseGrade,
  parseRoles,
  planDeactivation,
  planImport,
  type Existing,
  type ImportContext,
} from "~/admin/import";

describe("readCsv", () => {
  it("reads quoted cells, doubled quotes, line ends inside quotes, CRLF and a BOM", () => {
    const r = readCsv('\uFEFF工号,姓名\r\nA1,"王, ""小"" 明"\r\nA2,"two\nlines"\n\nA3,x');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["工号", "姓名"] },
        { line: 2, cells: ["A1", '王, "小" 明'] },
        { line: 3, cells: ["A2", "two\nlines"] },
        { line: 6, cells: ["A3", "x"] },
      ],
    });
  });

  it("keeps an empty last cell", () => {
    expect(readCsv("a,b\n1,\n")).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["a", "b"] },
        { line: 2, cells: ["1", ""] },
      ],
    });
  });

  it("refuses a stray quote and an unclosed quote, naming the line", () => {
    expect(readCsv('a,b\n1,x"y\n')).toEqual({ ok: false, line: 2, key: "admin:import.err.quote" });
    expect(readCsv('a,b\n1,"x"y\n')).toEqual({ ok: false, line: 2, key: "admin:import.err.quote" });
    expect(readCsv('a,b\n1,2\n3,"open\n')).toEqual({ ok: false, line: 3, key: "admin:import.err.unclosed" });
  });
});

describe("grades and roles", () => {
  it("accept codes and either language's labels", () => {
    expect(parseGrade("高级")).toBe("senior");
    expect(parseGrade("Expert")).toBe("expert");
    expect(parseGrade("boss")).toBeNull();
    expect(parseRoles("讲师；trainee, HR")).toEqual({ roles: ["TRAINEE", "TRAINER", "HR"], unknown: null });
    expect(parseRoles("TRAINEE;wizard")).toEqual({ roles: [], unknown: "wizard" });
  });
});

const existing: Existing = {
  id: 7,
  name: "李雷",
  email: "lilei@weike.test",
  employeeNo: "E007",
  grade: "junior",
  teamId: 1,
  roles: ["TRAINEE"],
  active: true,
};

function ctx(over: Partial<ImportContext> = {}): ImportContext {
  return {
    actorId: 1,
    teams: new Map([
      ["热线一组", 1],
      ["热线二组", 2],
    ]),
    byEmployeeNo: new Map([["E007", existing]]),
    emailOwner: new Map([["lilei@weike.test", "E007"]]),
    ...over,
  };
}

describe("planImport", () => {
  it("sorts lines into new, updated and unchanged, with the changes", () => {
    const plan = planImport(
      "工号,姓名,邮箱,团队,职级,角色\n" + "E100,韩梅梅,hmm@weike.test,热线二组,中级,学员\n" + "E007,李雷,,热线二组,,\n",
      ctx(),
    );
    expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 0, errors: 0 });
    expect(plan.lines[0]).toMatchObject({
      line: 2,
      action: "create",
      values: { name: "韩梅梅", email: "hmm@weike.test", teamId: 2, grade: "intermediate", roles: ["TRAINEE"] },
    });
    expect(plan.lines[1]).toMatchObject({
      line: 3,
      action: "update",
      userId: 7,
      changes: [{ field: "team", from: "热线一组", to: "热线二组" }],
    });
    const same = planImport("employee number,name\nE007,李雷\n", ctx());
    expect(same.counts).toEqual({ create: 0, update: 0, unchanged: 1, errors: 0 });
  });

  it("names the line and field of each problem", () => {
    const plan = planImport(
      "工号,姓名,邮箱,团队,职级,角色\n" +
        "E200,A,lilei@weike.test,热线一组,junior,TRAINEE\n" +
        "E201,B,b@weike.test,不存在的组,boss,wizard\n" +
        "E202,,not-an-email,,,\n" +
        "E201,C,b@weike.test,,,\n" +
        "有 空格,D,d@weike.test\n",
      ctx(),
    );
    const errs = plan.lines.flatMap((l) => l.errors.map((e) => [e.line, e.field, e.key]));
    expect(errs).toEqual([
      [2, "email", "admin:err.emailTaken"],
      [3, "team", "admin:import.err.unknownTeam"],
      [3, "grade", "admin:import.err.grade"],
      [3, "roles", "admin:import.err.role"],
      [4, "name", "admin:err.nameRequired"],
      [4, "email", "auth:login.emailInvalid"],
      [5, "employeeNo", "admin:import.err.repeatedNo"],
      [5, "email", "admin:import.err.repeatedEmail"],
      [6, "file", "admin:import.err.cellCount"],
      [6, "employeeNo", "admin:err.employeeNo"],
    ]);
    expect(plan.counts.errors).toBe(10);
  });

  it("refuses an admin taking their own ADMIN role away", () => {
    const self = { ...existing, id: 1, roles: ["ADMIN"] };
    const plan = planImport("工号,角色\nE007,学员\n", ctx({ byEmployeeNo: new Map([["E007", self]]) }));
    expect(plan.lines[0]!.errors.map((e) => e.key)).toEqual(["admin:err.selfAdmin"]);
  });

  it("refuses unknown, repeated and missing columns, an empty file and too many lines", () => {
    expect(planImport("工号,部门\nE1,x\n", ctx()).fileErrors.map((e) => e.key)).toEqual([
      "admin:import.err.unknownColumn",
    ]);
    expect(planImport("姓名,name\n", ctx()).fileErrors.map((e) => e.key)).toEqual([
      "admin:import.err.duplicateColumn",
      "admin:import.err.missingColumn",
      "admin:import.err.noLines",
    ]);
    expect(planImport("", ctx()).fileErrors.map((e) => e.key)).toEqual(["admin:import.err.empty"]);
    const big = "工号\n" + "E1\n".repeat(IMPORT_MAX_LINES + 1);
    expect(planImport(big, ctx()).fileErrors.map((e) => e.key)).toEqual(["admin:import.err.tooManyLines"]);
  });
});

describe("planDeactivation", () => {
  it("lists who would be deactivated and refuses unknown numbers and oneself", () => {
    const off = { ...existing, id: 8, employeeNo: "E008", active: false };
    const me = { ...existing, id: 1, employeeNo: "A001" };
    const plan = planDeactivation("工号\nE007\nE008\nE999\nA001\n", {
      actorId: 1,
      byEmployeeNo: new Map([
        ["E007", existing],
        ["E008", off],
        ["A001", me],
      ]),
    });
    expect(plan.lines.map((l) => [l.line, l.action, l.errors.map((e) => e.key)])).toEqual([
      [2, "deactivate", []],
      [3, "unchanged", []],
      [4, "deactivate", ["admin:import.err.unknownUser"]],
      [5, "deactivate", ["admin:err.selfDeactivate"]],
    ]);
    expect(plan.counts).toEqual({ deactivate: 1, unchanged: 1, errors: 2 });
  });
});
