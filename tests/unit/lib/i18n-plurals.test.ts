import { describe, expect, it } from "vitest";
import { createI18n } from "~/lib/i18n/instance";
import { namespaces } from "~/lib/i18n/resources";

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
    // These printed "Deactivated 1 users." and "Today's 1 attempts" from a hand-named number.
    expect(en.t("admin:deactivate.done", { count: 1 })).toBe("Deactivated 1 user.");
    expect(en.t("admin:deactivate.done", { count: 3 })).toBe("Deactivated 3 users.");
    expect(en.t("exams:err.attemptsToday", { count: 1 })).toMatch(/^Today's 1 attempt is used/);
    expect(en.t("workflow:list.days", { count: 1 })).toBe("1 day");
    expect(en.t("catalogue:list.count", { count: 1 })).toBe("1 course found");
  });

  it("keeps Chinese in its one form", () => {
    const zh = createI18n("zh");
    expect(zh.t("workflow:week.headcount", { count: 1 })).toBe("1 人");
    expect(zh.t("workflow:week.headcount", { count: 2 })).toBe("2 人");
    expect(zh.t("admin:users.count", { count: 1 })).toBe("共 1 位用户");
  });
});

// "1 people": an English message that prints {{count}} must come as a singular and plural pair.
// Messages that show the count as a bare figure ("{{count}} min") still get both forms, so the
// next wording with a noun cannot slip through.
describe("every English message with {{count}}", () => {
  const offenders: string[] = [];
  for (const [ns, messages] of Object.entries(namespaces)) {
    const en = messages.en as Record<string, string>;
    for (const [key, text] of Object.entries(en)) {
      if (!text.includes("{{count}}")) continue;
      const base = key.replace(/_(one|other)$/, "");
      if (!(`${base}_one` in en) || !(`${base}_other` in en)) offenders.push(`${ns}:${key} = ${text}`);
    }
  }

  it("has both the _one and the _other form", () => {
    expect(offenders).toEqual([]);
  });
});
