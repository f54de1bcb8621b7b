// Text matching for replies and short answers: case, width, spaces and punctuation do not matter.

export function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

export function containsKeyword(text: string, keyword: string): boolean {
  const k = normalise(keyword);
  return k.length > 0 && normalise(text).includes(k);
}

/** Replaces every "/shortcut" with the phrase it stands for; unknown shortcuts stay as typed. */
export function expandShortcuts(text: string, phrases: ReadonlyMap<string, string>): string {
  return text.replace(
    /\/([A-Za-z][A-Za-z0-9-]{0,31})/g,
    (whole, key: string) => phrases.get(key.toLowerCase()) ?? whole,
  );
}
