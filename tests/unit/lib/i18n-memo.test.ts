import { describe, expect, it } from "vitest";
import { createI18n, memoizePlainKeys, serverI18n } from "~/lib/i18n/instance";

describe("server translations remembered per key", () => {
  it("gives what a fresh instance gives, with and without options, in either language", () => {
    for (const locale of ["zh", "en"] as const) {
      const fresh = createI18n(locale).getFixedT(locale, "catalogue");
      const shared = serverI18n(locale).getFixedT(locale, "catalogue");
      for (let round = 0; round < 2; round++) {
        expect(shared("list.title")).toBe(fresh("list.title"));
        expect(shared("list.filters")).toBe(fresh("list.filters"));
        expect(shared("minutes", { count: 1 })).toBe(fresh("minutes", { count: 1 }));
        expect(shared("minutes", { count: 45 })).toBe(fresh("minutes", { count: 45 }));
      }
    }
  });

  it("keeps languages and namespaces apart", () => {
    const zh = serverI18n("zh").getFixedT("zh", "catalogue");
    const en = serverI18n("en").getFixedT("en", "catalogue");
    expect(zh("list.title")).not.toBe(en("list.title"));
    const one = memoizePlainKeys(createI18n("en"));
    expect(one.getFixedT("en", "catalogue")("list.title")).toBe(
      createI18n("en").getFixedT("en", "catalogue")("list.title"),
    );
    expect(one.getFixedT("en", "workflow")("list.title")).toBe(
      createI18n("en").getFixedT("en", "workflow")("list.title"),
    );
    expect(one.getFixedT("en", "workflow")("list.title")).not.toBe(one.getFixedT("en", "catalogue")("list.title"));
  });
});
