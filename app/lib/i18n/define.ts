// Each capability keeps its strings in one file: Simplified Chinese first, and English with the
// very same keys (the type makes a missing or extra English key a compile error).
export type Messages<K extends string = string> = { zh: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(messages: {
  zh: Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): Messages<K> {
  return messages;
}
