// How fast a person can possibly answer a chat message: see it, read it, type the reply. A reply
// that arrives sooner was not written by someone reading the page. The constants are generous on
// purpose (a floor, not a target); docs/decisions/024-drill-timing-and-attempts.md explains them.
/** Seeing that a new message arrived and moving the eyes to it. */
export const REACTION_MS = 800;
/** Skimming speed: about three times an attentive reader's pace in Chinese. */
export const READ_CHARS_PER_SECOND = 25;
/** Sustained typing: 600 characters a minute, twice the 300 the typing exam calls a forgery. */
export const TYPE_CHARS_PER_SECOND = 10;
/** Keystrokes to insert a whole quick phrase (a "/" shortcut plus a key, or a panel click). */
export const PHRASE_KEYSTROKES = 4;
/**
 * The page acknowledges each message when it renders it; a reply is timed from the
 * acknowledgement, but one arriving later than this after the release counts from release + this,
 * so a held-back acknowledgement cannot shorten a response time by more than a network round trip.
 */
export const ACK_GRACE_MS = 3000;
/** A reply answers one message: more shortcuts than this in one reply is a canned list. */
export const MAX_SHORTCUTS_PER_REPLY = 2;

const SHORTCUT = /\/([A-Za-z][A-Za-z0-9-]{0,31})/g;

function chars(text: string): number {
  return Array.from(text.replace(/\s+/g, "")).length;
}

/** Shortcuts in a reply that stand for a known phrase. */
export function shortcutCount(raw: string, phrases: ReadonlyMap<string, string>): number {
  return [...raw.matchAll(SHORTCUT)].filter((m) => phrases.has((m[1] ?? "").toLowerCase())).length;
}

/**
 * Characters the trainee had to type for `raw`: shortcuts and phrase texts inserted whole (from
 * the panel, or expanded in the box) count as a few keystrokes each.
 */
export function typedKeystrokes(raw: string, phrases: ReadonlyMap<string, string>): number {
  let rest = raw;
  let inserted = 0;
  rest = rest.replace(SHORTCUT, (whole, key: string) => {
    if (!phrases.has(key.toLowerCase())) return whole;
    inserted++;
    return "";
  });
  // Longest first, so a phrase that contains another is removed whole.
  for (const text of [...phrases.values()].sort((a, b) => b.length - a.length)) {
    if (!text) continue;
    const parts = rest.split(text);
    inserted += parts.length - 1;
    rest = parts.join("");
  }
  return chars(rest) + inserted * PHRASE_KEYSTROKES;
}

/** The least time (ms) a person needs from seeing `message` to sending `raw`. */
export function minHumanMs(message: string, raw: string, phrases: ReadonlyMap<string, string>): number {
  return (
    REACTION_MS +
    (chars(message) / READ_CHARS_PER_SECOND) * 1000 +
    (typedKeystrokes(raw, phrases) / TYPE_CHARS_PER_SECOND) * 1000
  );
}

/** When the message counts as shown: the acknowledgement, never before the release, at most the grace after. */
export function shownAt(releasedAt: number, ackAt: number | null): number {
  if (ackAt === null) return releasedAt;
  return releasedAt + Math.min(Math.max(0, ackAt - releasedAt), ACK_GRACE_MS);
}

/** The reply came sooner than a person could have read the message and written it. */
export function tooFast(
  shown: number,
  repliedAt: number,
  message: string,
  raw: string,
  phrases: ReadonlyMap<string, string>,
): boolean {
  return repliedAt - shown < minHumanMs(message, raw, phrases);
}
