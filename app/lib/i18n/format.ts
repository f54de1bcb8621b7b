import { timeZone } from "~/lib/clock";
import { localeTag, type Locale } from "./locale";

// Building an Intl formatter costs far more than using one, and pages format hundreds of dates
// and numbers: each formatter is made once per locale and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

// Always in the configured zone, never the runtime's: the server (UTC) and a browser in China must
// print the same text, or React's hydration fails.
function dateFormat(locale: Locale, opts: Intl.DateTimeFormatOptions) {
  const zone = timeZone();
  const key = locale + zone + JSON.stringify(opts);
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(localeTag(locale), { timeZone: zone, ...opts })));
  return f;
}

function numberFormat(locale: Locale, opts: Intl.NumberFormatOptions = {}) {
  const key = locale + JSON.stringify(opts);
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(localeTag(locale), opts)));
  return f;
}

/**
 * A date (and time, with the options) as the training centre's wall clock shows it: always in the
 * configured zone of ~/lib/clock, never the runtime's, so the server's HTML and the browser's
 * first render print the same text (a different text is a hydration error).
 */
export function formatDate(
  value: Date | string | number,
  locale: Locale,
  opts: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
) {
  return dateFormat(locale, opts).format(new Date(value));
}

export function formatDateTime(value: Date | string | number, locale: Locale) {
  return formatDate(value, locale, { dateStyle: "medium", timeStyle: "short" });
}

/** The time of day alone ("00:30", "12:30 AM"). */
export function formatTime(value: Date | string | number, locale: Locale) {
  return formatDate(value, locale, { timeStyle: "short" });
}

export function formatNumber(value: number, locale: Locale, opts?: Intl.NumberFormatOptions) {
  return numberFormat(locale, opts).format(value);
}

export function formatPercent(ratio: number, locale: Locale, digits = 1) {
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** Items of an enumeration: "甲、乙、丙" in Chinese, "a, b, c" in English (no "and": cells and labels). */
export function joinList(items: readonly string[], locale: Locale) {
  return items.join(locale === "zh" ? "、" : ", ");
}
