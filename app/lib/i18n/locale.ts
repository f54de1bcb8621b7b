// The language of a request: the lang cookie, then Accept-Language, then Chinese. It parses
// headers with server-side libraries; the browser bundle imports ./lang instead.
import { parseCookie } from "cookie";
import Negotiator from "negotiator";
import { isLocale, LANG_COOKIE, LOCALES, DEFAULT_LOCALE, type Locale } from "./lang";

export { DEFAULT_LOCALE, isLocale, LANG_COOKIE, LOCALES, localeTag, type Locale } from "./lang";

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
