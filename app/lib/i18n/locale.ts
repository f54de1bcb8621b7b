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

/** The first supported language in an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return null;
}

export function localeFromCookieHeader(header: string | null): Locale | null {
  if (!header) return null;
  const match = header.match(/(?:^|;\s*)lang=([a-z]{2})(?:;|$)/);
  return match && isLocale(match[1]) ? match[1] : null;
}

export function detectLocale(request: Request): Locale {
  return (
    localeFromCookieHeader(request.headers.get("Cookie")) ??
    localeFromAcceptLanguage(request.headers.get("Accept-Language")) ??
    DEFAULT_LOCALE
  );
}
