import { localeTag, type Locale } from "./locale";

export function formatDate(value: Date | string | number, locale: Locale, opts: Intl.DateTimeFormatOptions = { dateStyle: "medium" }) {
  return new Intl.DateTimeFormat(localeTag(locale), opts).format(new Date(value));
}

export function formatDateTime(value: Date | string | number, locale: Locale) {
  return formatDate(value, locale, { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(value: number, locale: Locale, opts?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(localeTag(locale), opts).format(value);
}

export function formatPercent(ratio: number, locale: Locale, digits = 1) {
  return new Intl.NumberFormat(localeTag(locale), { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}
