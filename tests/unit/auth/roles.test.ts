import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/auth/guards.server";
import { primaryRole, seesAllTraining } from "~/auth/policy";
import { navFor, navLayout } from "~/components/layout/nav";

describe("roles", () => {
  it("picks the home of the most responsible role a user holds", () => {
    expect(primaryRole(["TRAINEE"])).toBe("TRAINEE");
    expect(primaryRole(["TRAINEE", "LEAD"])).toBe("LEAD");
    expect(primaryRole(["LEAD", "TRAINER"])).toBe("TRAINER");
    expect(primaryRole(["TRAINER", "HR"])).toBe("HR");
    expect(primaryRole(["HR", "ADMIN"])).toBe("ADMIN");
    expect(primaryRole([])).toBe("TRAINEE");
  });

  it("checks any of several roles", () => {
    expect(seesAllTraining({ roles: ["TRAINEE"] })).toBe(false);
    expect(seesAllTraining({ roles: ["TRAINEE", "HR"] })).toBe(true);
  });

  it("shows each role its navigation", () => {
    expect(navFor({ roles: ["TRAINEE"] }).map((i) => i.to)).toEqual([
      "/",
      "/courses",
      "/exams",
      "/competency",
      "/needs",
    ]);
    expect(navFor({ roles: ["ADMIN"] }).map((i) => i.to)).toContain("/admin");
    expect(navFor({ roles: ["TRAINEE"] }).map((i) => i.to)).not.toContain("/admin");
    expect(navFor({ roles: ["HR"] }).map((i) => i.to)).toEqual(
      expect.arrayContaining(["/requests", "/archive", "/dashboard"]),
    );
  });
});

describe("the navigation row and the training-office menu", () => {
  it("puts HR's office pages in one menu and keeps the row short", () => {
    const hr = navLayout({ roles: ["HR"] });
    expect(hr.office.map((i) => i.to)).toEqual(
      expect.arrayContaining(["/development", "/library", "/trainers", "/assignments", "/coverage", "/roster"]),
    );
    expect(hr.row.map((i) => i.to)).not.toContain("/development");
    expect(hr.row.length + hr.office.length).toBe(navFor({ roles: ["HR"] }).length);
  });

  it("never makes a menu of a single page", () => {
    const trainee = navLayout({ roles: ["TRAINEE"] });
    expect(trainee.office).toEqual([]);
    expect(trainee.row.map((i) => i.to)).toContain("/needs");
  });
});

describe("safeRedirectPath", () => {
  it("accepts same-site paths only", () => {
    expect(safeRedirectPath("/courses?q=MOT")).toBe("/courses?q=MOT");
    expect(safeRedirectPath("//evil.example/x")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
    expect(safeRedirectPath("javascript:alert(1)")).toBe("/");
    expect(safeRedirectPath(null, "/home")).toBe("/home");
  });
});
