// The dashboard's number and date texts, on the shared cached formatters.
import { formatDate, formatNumber, formatPercent } from "~/lib/i18n/format";
import type { Locale } from "~/lib/i18n/locale";

export function percentText(ratio: number, locale: Locale, digits = 1): string {
  return formatPercent(ratio, locale, digits);
}

export function numberText(value: number, locale: Locale, digits = 0): string {
  return formatNumber(value, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function dateText(value: Date | string, locale: Locale): string {
  return formatDate(value, locale);
}
