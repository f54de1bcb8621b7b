import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "~/lib/i18n/format";
import { createI18n } from "~/lib/i18n/instance";
import { detectLocale, localeFromAcceptLanguage, localeFromCookieHeader } from "~/lib/i18n/locale";
import { namespaces } from "~/lib/i18n/resources";

describe("messages", () => {
  for (const [ns, messages] of Object.entries(namespaces)) {
    it(`${ns}: Chinese and English have the same keys, none empty`, () => {
      // Chinese has one plural form ("x_other"); English has "x_one" beside it.
      const zh = Object.keys(messages.zh);
      expect(zh.filter((k) => /_(zero|one|two|few|many)$/.test(k))).toEqual([]);
      const expected = zh.flatMap((k) => (k.endsWith("_other") ? [k, k.replace(/_other$/, "_one")] : [k]));
      expect(Object.keys(messages.en).sort()).toEqual(expected.sort());
      for (const [key, value] of [...Object.entries(messages.zh), ...Object.entries(messages.en)]) {
        expect(value.trim(), `${ns}:${key}`).not.toBe("");
      }
    });
  }

  it("translates with interpolation in both languages", () => {
    expect(createI18n("en").t("home.welcome", { name: "Li" })).toBe("Hello, Li");
    expect(createI18n("zh").t("home.welcome", { name: "李" })).toBe("你好，李");
    expect(createI18n("en").t("auth:login.submit")).toBe("Sign in");
  });
});

describe("locale detection", () => {
  const req = (headers: Record<string, string>) => new Request("http://x/", { headers });

  it("prefers the lang cookie, then Accept-Language, then Chinese", () => {
    expect(detectLocale(req({ Cookie: "a=1; lang=en", "Accept-Language": "zh-CN" }))).toBe("en");
    expect(detectLocale(req({ "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
    expect(detectLocale(req({ Cookie: "lang=fr" }))).toBe("zh");
    expect(detectLocale(req({}))).toBe("zh");
  });

  it("honours q-values", () => {
    expect(localeFromAcceptLanguage("fr;q=1, en;q=0.5, zh-TW;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("de, fr")).toBeNull();
    expect(localeFromAcceptLanguage("zh;q=0, en")).toBe("en");
  });

  it("reads odd Accept-Language headers", () => {
    expect(localeFromAcceptLanguage("en-GB")).toBe("en");
    expect(localeFromAcceptLanguage("zh-TW")).toBe("zh");
    expect(localeFromAcceptLanguage("ZH-hant-TW;q=0.3, EN-us;q=0.2")).toBe("zh");
    expect(localeFromAcceptLanguage("en-US;q=0.9 , zh-CN;q=0.95")).toBe("zh");
    expect(localeFromAcceptLanguage("fr, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0, zh;q=0")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(";;;, ,q=1, ===")).toBeNull();
    expect(localeFromAcceptLanguage("english please")).toBeNull();
  });

  it("reads the lang cookie among others, and ignores a bad one", () => {
    expect(localeFromCookieHeader("theme=dark;lang=en ; x=1")).toBe("en");
    expect(localeFromCookieHeader("lang=english")).toBeNull();
    expect(localeFromCookieHeader("xlang=en")).toBeNull();
    expect(localeFromCookieHeader("lang=%E0%A4%A")).toBeNull();
    expect(detectLocale(req({ Cookie: "lang=de", "Accept-Language": "en-GB" }))).toBe("en");
  });

  it("formats numbers for the locale", () => {
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    expect(formatPercent(0.969, "en")).toBe("96.9%");
  });
});
