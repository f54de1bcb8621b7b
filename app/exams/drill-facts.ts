// What a missed fact of the response drill asks the agent to say. The customer is Chinese, so the
// words are always Chinese: the approved quick phrase when the fact names one, else the keywords
// that count. The English page adds the script's gloss; the Chinese page shows the label.
import type { RequiredFact } from "./scoring/response";

export interface MissedFact {
  label: string;
  /** Customer-facing Chinese words, any one of which states the fact. */
  say: string[];
  /** The script's English gloss, when it has one. */
  en?: string;
}

export function describeMissed(
  missing: readonly string[],
  facts: readonly RequiredFact[],
  phrases: Readonly<Record<string, string>>,
): MissedFact[] {
  return missing.map((label) => {
    const fact = facts.find((f) => f.label === label);
    if (!fact) return { label, say: [] };
    const phrase = fact.phrase ? phrases[fact.phrase] : undefined;
    return { label, say: phrase ? [phrase] : fact.keywords, ...(fact.en ? { en: fact.en } : {}) };
  });
}
