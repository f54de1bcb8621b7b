import { describe, expect, it } from "vitest";
import { joinList } from "~/lib/i18n/format";

describe("joinList", () => {
  it("uses the enumeration comma in Chinese and a comma and space in English", () => {
    expect(joinList(["讲师", "人事"], "zh")).toBe("讲师、人事");
    expect(joinList(["Trainer", "HR"], "en")).toBe("Trainer, HR");
    expect(joinList(["Trainer"], "en")).toBe("Trainer");
  });
});
