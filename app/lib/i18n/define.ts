// Each capability keeps its strings in one file: Simplified Chinese first, and English with the
// very same keys (the type makes a missing or extra English key a compile error).
//
// Counted messages use i18next's plural keys. Chinese has one form, "x_other"; English then needs
// "x_one" and "x_other" ("1 person" / "2 people"). Callers ask for "x" with a `count`.
type PluralForms<K extends string> = K | (K extends `${infer Base}_other` ? `${Base}_one` : never);

export type Messages<K extends string = string> = { zh: Record<K, string>; en: Record<PluralForms<K>, string> };

export function defineMessages<K extends string>(messages: {
  zh: Record<K, string>;
  en: Record<PluralForms<NoInfer<K>>, string>;
}): Messages<K> {
  return messages;
}
