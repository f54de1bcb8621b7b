// Response-time drill: the server timestamps each customer message when it releases it and each
// reply when it receives it; these figures come from those two clocks only.
import { mean, median, percentile, round } from "./stats";
import { containsKeyword } from "./text";

/** A fact the reply must contain: any one keyword, or the full text of the named quick phrase. */
export interface RequiredFact {
  label: string;
  keywords: string[];
  phrase?: string;
}

export interface DrillMessageOutcome {
  messageId: string;
  releasedAt: number;
  /** Reply received (server ms), or null when the drill ended without one. */
  repliedAt: number | null;
  /** The reply with shortcuts already expanded. */
  reply: string;
  facts: RequiredFact[];
}

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

/**
 * Unanswered messages count as incomplete, with the time until the drill closed; messages never
 * released (the drill ran out of time) count as incomplete through `expected`.
 */
export function scoreResponse(
  messages: DrillMessageOutcome[],
  closedAt: number,
  phraseText: (id: string) => string | undefined,
  expected = messages.length,
): ResponseFigures {
  const perMessage = messages.map((m) => {
    const end = m.repliedAt ?? closedAt;
    const missing =
      m.repliedAt === null
        ? m.facts.map((f) => f.label)
        : m.facts.filter((f) => !factPresent(m.reply, f, phraseText)).map((f) => f.label);
    return {
      messageId: m.messageId,
      seconds: round(Math.max(0, end - m.releasedAt) / 1000, 2),
      complete: m.repliedAt !== null && missing.length === 0,
      missing,
    };
  });
  const times = perMessage.map((p) => p.seconds);
  return {
    first: times[0] ?? 0,
    mean: round(mean(times), 2),
    median: round(median(times), 2),
    p90: round(percentile(times, 90), 2),
    completeness: expected ? round(perMessage.filter((p) => p.complete).length / expected, 4) : 0,
    answered: messages.filter((m) => m.repliedAt !== null).length,
    total: expected,
    perMessage,
  };
}

export interface ResponsePassMark {
  maxMeanSeconds: number;
  maxP90Seconds: number;
  minComplete: number;
}

export function responsePassed(f: ResponseFigures, mark: ResponsePassMark): boolean {
  return (
    f.total > 0 && f.mean <= mark.maxMeanSeconds && f.p90 <= mark.maxP90Seconds && f.completeness >= mark.minComplete
  );
}
