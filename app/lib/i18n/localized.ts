// Picking the viewer's language from a bilingual pair. Course and series titles come in both
// languages, but either may be left empty in content: then the other language is shown rather than
// a blank cell.
import type { Locale } from "./locale";

export interface Bilingual {
  zh?: string | null;
  en?: string | null;
}

/** The text in `lang`, or in the other language when that one is empty; "" when both are. */
export function pickLocalized(lang: Locale, text: Bilingual): string {
  const wanted = lang === "en" ? text.en : text.zh;
  const other = lang === "en" ? text.zh : text.en;
  return wanted || other || "";
}

/** The same for a row with titleZh/titleEn columns. */
export function localTitle(lang: Locale, row: { titleZh?: string | null; titleEn?: string | null }): string {
  return pickLocalized(lang, { zh: row.titleZh, en: row.titleEn });
}
