import { describe, expect, it } from "vitest";
import { localTitle, pickLocalized } from "~/lib/i18n/localized";

describe("pickLocalized", () => {
  it("takes the wanted language", () => {
    expect(pickLocalized("zh", { zh: "投诉处理", en: "Complaints" })).toBe("投诉处理");
    expect(pickLocalized("en", { zh: "投诉处理", en: "Complaints" })).toBe("Complaints");
  });
  it("falls back to the other language when the wanted one is empty, both ways", () => {
    expect(pickLocalized("en", { zh: "投诉处理", en: "" })).toBe("投诉处理");
    expect(pickLocalized("en", { zh: "投诉处理", en: null })).toBe("投诉处理");
    expect(pickLocalized("zh", { zh: "", en: "Complaints" })).toBe("Complaints");
    expect(pickLocalized("zh", { en: "Complaints" })).toBe("Complaints");
    expect(pickLocalized("zh", {})).toBe("");
  });
  it("reads titleZh/titleEn rows", () => {
    expect(localTitle("en", { titleZh: "系列", titleEn: "Series" })).toBe("Series");
    expect(localTitle("en", { titleZh: "系列", titleEn: "" })).toBe("系列");
  });
});
