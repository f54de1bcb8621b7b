import { describe, expect, it } from "vitest";
import { createI18n } from "~/lib/i18n/instance";

// English needs a singular and a plural form; these are real messages of the app.
describe("English plural forms", () => {
  const en = createI18n("en");

  it("uses the singular for one and the plural for more", () => {
    expect(en.t("admin:users.count", { count: 1 })).toBe("1 user");
    expect(en.t("admin:users.count", { count: 2 })).toBe("2 users");
    expect(en.t("workflow:week.headcount", { count: 1 })).toBe("1 person");
    expect(en.t("workflow:week.headcount", { count: 2 })).toBe("2 people");
    expect(en.t("workflow:err.attendanceMissing", { count: 1 })).toBe("Attendance is missing for 1 person.");
    expect(en.t("workflow:schedule.done", { count: 1 })).toBe("Scheduled: 1 session");
    expect(en.t("workflow:schedule.done", { count: 2 })).toBe("Scheduled: 2 sessions");
    expect(en.t("catalogue:quiz.best", { score: 80, count: 1 })).toBe("Best score 80%, 1 attempt");
    expect(en.t("catalogue:quiz.best", { score: 80, count: 2 })).toBe("Best score 80%, 2 attempts");
    expect(en.t("exams:typing.count", { count: 1 })).toBe("1 character typed");
    expect(en.t("exams:typing.count", { count: 2 })).toBe("2 characters typed");
  });

  it("keeps Chinese in its one form", () => {
    const zh = createI18n("zh");
    expect(zh.t("workflow:week.headcount", { count: 1 })).toBe("1 人");
    expect(zh.t("workflow:week.headcount", { count: 2 })).toBe("2 人");
    expect(zh.t("admin:users.count", { count: 1 })).toBe("共 1 位用户");
  });
});
