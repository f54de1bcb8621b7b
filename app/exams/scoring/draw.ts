// Which content an attempt gets: the typing passages in a random order that never repeats, and
// the chat-drill script a trainee has gone longest without.
import { drawQuestions } from "./quiz";

/**
 * Every passage once, in a random order: the first is what the trainee starts on; a typist who
 * reaches its end goes on to the next, and no passage comes round again within the attempt.
 */
export function passageOrder<T>(passages: readonly T[], random: () => number = Math.random): T[] {
  return drawQuestions(passages, passages.length, random);
}

/** The text to type: the passages joined in order, each flattened onto one line. */
export function typingTarget(texts: readonly string[], lang: "zh" | "en"): string {
  const sep = lang === "zh" ? "" : " ";
  return texts.map((t) => t.trim().replace(/\s*\n\s*/g, sep)).join(sep);
}

/**
 * The script a trainee takes next: one never taken, else the one taken longest ago; ties are
 * broken at random, so trainees starting together do not all get the same customer.
 * `lastTaken` maps a script id to when (ms) this trainee last started it.
 */
export function pickScript(
  ids: readonly string[],
  lastTaken: ReadonlyMap<string, number>,
  random: () => number = Math.random,
): string | undefined {
  if (ids.length === 0) return undefined;
  const when = (id: string) => lastTaken.get(id) ?? -Infinity;
  const oldest = Math.min(...ids.map(when));
  const ties = ids.filter((id) => when(id) === oldest);
  return ties[Math.min(ties.length - 1, Math.floor(random() * ties.length))];
}
