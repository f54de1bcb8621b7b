import { parseCookie } from "cookie";
import Negotiator from "negotiator";

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

/**
 * The supported language the Accept-Language header ranks highest (q-values, then order); a
 * regional tag counts for its language (en-GB → en, zh-TW → zh). Null when none is acceptable.
 */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  // An absent header accepts everything to the library; here it means "no preference".
  if (!header?.trim()) return null;
  const [best] = new Negotiator({ headers: { "accept-language": header } }).languages([...LOCALES]);
  return isLocale(best) ? best : null;
}

export function localeFromCookieHeader(header: string | null): Locale | null {
  if (!header) return null;
  const value = parseCookie(header)[LANG_COOKIE];
  return isLocale(value) ? value : null;
}

export function detectLocale(request: Request): Locale {
  return (
    localeFromCookieHeader(request.headers.get("Cookie")) ??
    localeFromAcceptLanguage(request.headers.get("Accept-Language")) ??
    DEFAULT_LOCALE
  );
}
