import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { createI18n, serverT } from "~/lib/i18n/instance";
import { messageKey, type MessageKey, type QualifiedKey } from "~/lib/i18n/keys";

// The `@ts-expect-error` lines are the test: `tsc --noEmit` fails if a wrong key stops being an
// error. The run-time assertions check the escape hatch for keys that arrive as data.
describe("typed translation keys", () => {
  it("rejects unknown keys at compile time, in components and on the server", () => {
    const t = createI18n("en").getFixedT("en", "workflow") as TFunction<"workflow">;
    expect(t("err.notFound")).not.toBe("err.notFound");
    // @ts-expect-error: no such key in the workflow namespace
    t("err.noSuchKey");

    const common = createI18n("en").t;
    expect(common("workflow:err.notFound")).toBe(t("err.notFound"));
    // @ts-expect-error: no such key
    common("workflow:err.notFoundd");
    // @ts-expect-error: no such namespace
    common("workflo:err.notFound");

    const server = serverT("en", "exams");
    expect(server("csv.name")).not.toBe("csv.name");
    // @ts-expect-error: a workflow key asked of the exams namespace
    server("err.attendanceMissing");
  });

  it("asks for plural keys by their base name", () => {
    const t = serverT("en", "workflow");
    expect(t("week.headcount", { count: 3 })).toBe("3 people");
    const key: MessageKey<"workflow"> = "week.headcount";
    // @ts-expect-error: the stored form is not a separate key to ask for by name
    const wrong: MessageKey<"workflow"> = "week.headcount_one";
    expect([key, wrong]).toHaveLength(2);
    const qualified: QualifiedKey = "admin:users.count";
    // @ts-expect-error: unknown key in a qualified key
    const bad: QualifiedKey = "admin:users.counted";
    expect([qualified, bad]).toHaveLength(2);
  });

  it("turns run-time strings into keys, with a fallback for unknown ones", () => {
    expect(messageKey("workflow", "state.approved")).toBe("state.approved");
    expect(messageKey("workflow", "state.bogus", "state.submitted")).toBe("state.submitted");
    expect(messageKey("common", "workflow:err.notFound", "error.title")).toBe("workflow:err.notFound");
    expect(messageKey("workflow", "week.headcount", "state.submitted")).toBe("week.headcount");
    // Without a fallback the key passes through and i18next shows it, as before.
    expect(messageKey("workflow", "state.bogus")).toBe("state.bogus");
  });
});
