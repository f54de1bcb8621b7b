// The two UI languages and their tags; no header parsing, so the browser bundle can import it.
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";
export const LANG_COOKIE = "lang";

export function isLocale(value: unknown): value is Locale {
  return value === "zh" || value === "en";
}

/** BCP 47 tag for <html lang> and Intl. */
export function localeTag(locale: Locale): string {
  return locale === "zh" ? "zh-CN" : "en-US";
}
