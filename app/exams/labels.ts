// Display names for exam keys ("typing:zh", "quiz:<bank>"): i18n keys may not contain ":".
import { messageKey, type Translate } from "~/lib/i18n/keys";
import type { Locale } from "~/lib/i18n/locale";

type T = Translate<"exams">;

export type BankTitles = Record<string, { zh: string; en: string }>;

export function examName(t: T, key: string, banks: BankTitles, locale: Locale): string {
  if (key.startsWith("quiz:")) {
    const title = banks[key.slice(5)];
    return title ? title[locale] : key;
  }
  return t(messageKey("exams", `exam.${key.replace(":", "-")}`), { defaultValue: key });
}

export function examPath(key: string): string {
  if (key.startsWith("typing:")) return `/exams/typing?lang=${key.slice(7)}`;
  if (key.startsWith("quiz:")) return `/exams/quiz/${key.slice(5)}`;
  if (key === "drill") return "/exams";
  return `/exams/${key}`;
}
