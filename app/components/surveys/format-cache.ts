// The dashboard formats hundreds of numbers and dates per page; building an Intl formatter for
// each one was the largest single cost of rendering it, so formatters are made once per locale.
import { localeTag, type Locale } from "~/lib/i18n/locale";

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, digits: number, percent: boolean): Intl.NumberFormat {
  const key = `${locale}:${digits}:${percent}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeTag(locale), { style: percent ? "percent" : "decimal", minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

export function percentText(ratio: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, digits, true).format(ratio);
}

export function numberText(value: number, locale: Locale, digits = 0): string {
  return numberFormat(locale, digits, false).format(value);
}

export function dateText(value: Date | string, locale: Locale): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(locale), { dateStyle: "medium" });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(value));
}
