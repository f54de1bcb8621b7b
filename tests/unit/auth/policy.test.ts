import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  canRecordDelivery,
  canSeeExamsOf,
  canViewRequest,
  canViewSession,
  isCourseStaff,
  keepsOwnAdmin,
  seesExamResults,
  toRoles,
} from "~/auth/policy";
import { ROLES } from "~/auth/roles";
import { accessTableMarkdown, mayOpen, ROUTE_ACCESS, type RouteKey } from "~/auth/route-access";
import { NAV_ITEMS, navFor } from "~/components/layout/nav";

const as = (...roles: (typeof ROLES)[number][]) => ({ id: 1, roles });

describe("the two meanings of staff", () => {
  it("course staff includes administrators, exam staff does not", () => {
    expect(isCourseStaff(as("ADMIN"))).toBe(true);
    expect(seesExamResults(as("ADMIN"))).toBe(false);
    for (const role of ["TRAINER", "HR"] as const) {
      expect(isCourseStaff(as(role))).toBe(true);
      expect(seesExamResults(as(role))).toBe(true);
    }
    for (const role of ["TRAINEE", "LEAD"] as const) {
      expect(isCourseStaff(as(role))).toBe(false);
      expect(seesExamResults(as(role))).toBe(false);
    }
  });
});

describe("rules about one record", () => {
  it("a trainee sees only their own exams; exam staff see everyone's", () => {
    expect(canSeeExamsOf(as("TRAINEE"), 1)).toBe(true);
    expect(canSeeExamsOf(as("TRAINEE"), 2)).toBe(false);
    expect(canSeeExamsOf(as("TRAINER"), 2)).toBe(true);
    expect(canSeeExamsOf(as("ADMIN"), 2)).toBe(false);
  });

  it("HR sees a session but only its trainer or an administrator records it", () => {
    const other = { trainerId: 2 };
    expect(canViewSession(as("HR"), other)).toBe(true);
    expect(canRecordDelivery(as("HR"), other)).toBe(false);
    expect(canRecordDelivery(as("ADMIN"), other)).toBe(true);
    expect(canViewSession(as("TRAINER"), other)).toBe(false);
    expect(canRecordDelivery(as("TRAINER"), { trainerId: 1 })).toBe(true);
  });

  it("a lead sees a team's request only when leading that team", async () => {
    const r = { requesterId: 9, trainerId: null, teamId: 5, attendees: [] };
    expect(await canViewRequest(as("LEAD"), r, async (team) => team === 5)).toBe(true);
    expect(await canViewRequest(as("LEAD"), r, async () => false)).toBe(false);
    expect(await canViewRequest(as("TRAINEE"), r, async () => true)).toBe(false);
    expect(await canViewRequest(as("TRAINEE"), { ...r, attendees: [{ userId: 1 }] }, async () => false)).toBe(true);
  });

  it("an administrator cannot drop their own ADMIN role", () => {
    expect(keepsOwnAdmin(1, 1, ["HR"])).toBe(false);
    expect(keepsOwnAdmin(1, 1, ["HR", "ADMIN"])).toBe(true);
    expect(keepsOwnAdmin(1, 2, ["HR"])).toBe(true);
  });

  it("unknown stored role names grant nothing", () => {
    expect(toRoles(["HR", "ROOT", "TRAINEE"])).toEqual(["TRAINEE", "HR"]);
  });
});

describe("the menu follows the route table", () => {
  it("shows ADMIN the schedule, which the route allows", () => {
    expect(navFor({ roles: ["ADMIN"] }).map((i) => i.to)).toContain("/schedule");
  });

  it("never shows a role a page it may not open", () => {
    for (const role of ROLES)
      for (const item of navFor({ roles: [role] })) expect(mayOpen({ roles: [role] }, item.to)).toBe(true);
  });

  it("lists only routes of the table", () => {
    for (const item of NAV_ITEMS) expect(Object.keys(ROUTE_ACCESS)).toContain(item.to);
  });
});

describe("README: Who may do what", () => {
  it("matches the route table", () => {
    const readme = readFileSync("README.md", "utf8");
    const [section = ""] = (readme.split("## Who may do what")[1] ?? "").split("\n## ");
    const table = section
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .join("\n");
    expect(table, "regenerate the README table from accessTableMarkdown()").toBe(accessTableMarkdown());
  });

  it("names every route once", () => {
    const rows = accessTableMarkdown().split("\n").slice(2);
    expect(rows).toHaveLength(Object.keys(ROUTE_ACCESS).length);
    expect(new Set(rows.map((r) => r.split("|")[1]?.trim())).size).toBe(rows.length);
    expect(mayOpen({ roles: [] }, "/" as RouteKey)).toBe(true);
  });
});
