// Response-time drill: the server timestamps each customer message when it releases it (and when
// the page acknowledges showing it) and each reply when it receives it; these figures come from
// those clocks only.
import { MAX_SHORTCUTS_PER_REPLY, shortcutCount, tooFast } from "./human-timing";
import { mean, median, percentile, round } from "./stats";
import { containsKeyword, expandShortcuts } from "./text";

/** A fact the reply must contain: any one keyword, or the full text of the named quick phrase. */
export interface RequiredFact {
  label: string;
  /** English gloss, shown on the English result page beside the Chinese words to say. */
  en?: string;
  keywords: string[];
  phrase?: string;
}

export interface DrillMessageOutcome {
  messageId: string;
  /** The customer's message, for the reading time. */
  text?: string;
  releasedAt: number;
  /** When the page showed it (see `shownAt`); the release when absent. */
  shownAt?: number;
  /** Reply received (server ms), or null when the drill ended without one. */
  repliedAt: number | null;
  /** The reply as sent (shortcuts not yet expanded). */
  reply: string;
  facts: RequiredFact[];
}

export interface ResponseOptions {
  /** What an unanswered message counts: the drill's whole time limit. */
  limitSeconds: number;
  /** The facts of every message of the script, to tell a reply stuffed with other answers. */
  scriptFacts?: { messageId: string; facts: RequiredFact[] }[];
}

/**
 * A reply that states more facts belonging to other messages than this is a canned list. Two are
 * allowed because approved phrases open with a greeting and close with thanks, which are facts of
 * the first and the last message.
 */
export const MAX_FOREIGN_FACTS = 2;

export interface ResponseFigures {
  /** Seconds, all of them. */
  first: number;
  mean: number;
  median: number;
  p90: number;
  /** Share of messages whose reply holds every required fact, 0–1. */
  completeness: number;
  answered: number;
  total: number;
  /** Replies sent sooner than a person could read the message and type them. */
  tooFast: string[];
  /** Replies that list shortcuts or facts for other messages: they score zero. */
  stuffed: string[];
  perMessage: { messageId: string; seconds: number; complete: boolean; missing: string[] }[];
}

export function factPresent(
  reply: string,
  fact: RequiredFact,
  phraseText: (id: string) => string | undefined,
): boolean {
  if (fact.keywords.some((k) => containsKeyword(reply, k))) return true;
  const text = fact.phrase ? phraseText(fact.phrase) : undefined;
  return text ? containsKeyword(reply, text) : false;
}

function sameFact(a: RequiredFact, b: RequiredFact): boolean {
  return (a.phrase !== undefined && a.phrase === b.phrase) || a.keywords.some((k) => b.keywords.includes(k));
}

/** Facts of other messages (not shared with this one) that the reply states. */
function foreignFacts(
  reply: string,
  own: DrillMessageOutcome,
  script: { messageId: string; facts: RequiredFact[] }[],
  phraseText: (id: string) => string | undefined,
): number {
  return script
    .filter((m) => m.messageId !== own.messageId)
    .flatMap((m) => m.facts)
    .filter((f) => !own.facts.some((o) => sameFact(o, f)))
    .filter((f) => factPresent(reply, f, phraseText)).length;
}

/**
 * Every message of the script is listed (those never released too). An unanswered message counts
 * the drill's whole time limit and is incomplete, so ending early never shortens a mean.
 */
export function scoreResponse(
  messages: DrillMessageOutcome[],
  phrases: ReadonlyMap<string, string>,
  options: ResponseOptions,
): ResponseFigures {
  const phraseText = (id: string) => phrases.get(id);
  const script = options.scriptFacts ?? messages.map((m) => ({ messageId: m.messageId, facts: m.facts }));
  const fast: string[] = [];
  const stuffed: string[] = [];
  const perMessage = messages.map((m) => {
    if (m.repliedAt === null)
      return {
        messageId: m.messageId,
        seconds: options.limitSeconds,
        complete: false,
        missing: m.facts.map((f) => f.label),
      };
    const shown = m.shownAt ?? m.releasedAt;
    if (tooFast(shown, m.repliedAt, m.text ?? "", m.reply, phrases)) fast.push(m.messageId);
    const expanded = expandShortcuts(m.reply, phrases);
    const canned =
      shortcutCount(m.reply, phrases) > MAX_SHORTCUTS_PER_REPLY ||
      foreignFacts(expanded, m, script, phraseText) > MAX_FOREIGN_FACTS;
    if (canned) stuffed.push(m.messageId);
    const missing = canned
      ? m.facts.map((f) => f.label)
      : m.facts.filter((f) => !factPresent(expanded, f, phraseText)).map((f) => f.label);
    return {
      messageId: m.messageId,
      seconds: round(Math.max(0, m.repliedAt - shown) / 1000, 2),
      complete: missing.length === 0,
      missing,
    };
  });
  const times = perMessage.map((p) => p.seconds);
  const total = messages.length;
  return {
    first: times[0] ?? 0,
    mean: round(mean(times), 2),
    median: round(median(times), 2),
    p90: round(percentile(times, 90), 2),
    completeness: total ? round(perMessage.filter((p) => p.complete).length / total, 4) : 0,
    answered: messages.filter((m) => m.repliedAt !== null).length,
    total,
    tooFast: fast,
    stuffed,
    perMessage,
  };
}

export interface ResponsePassMark {
  maxMeanSeconds: number;
  maxP90Seconds: number;
  minComplete: number;
}

/** Valid when every reply took at least a person's reading and typing time. */
export function responseValid(f: ResponseFigures): boolean {
  return f.tooFast.length === 0;
}

export function responsePassed(f: ResponseFigures, mark: ResponsePassMark): boolean {
  return (
    f.total > 0 &&
    responseValid(f) &&
    f.mean <= mark.maxMeanSeconds &&
    f.p90 <= mark.maxP90Seconds &&
    f.completeness >= mark.minComplete
  );
}
