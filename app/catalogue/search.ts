// Turns what a person typed into a safe FTS5 query. Every term becomes a quoted string, so
// quotes, *, NEAR, AND/OR/NOT and parentheses are searched for as text and never parsed as
// query syntax. The index uses the trigram tokenizer, which needs at least three characters;
// shorter terms (a two-character Chinese word such as 投诉) are matched with LIKE instead.

export type SearchPlan = {
  /** FTS5 MATCH expression (terms ANDed), or null when no term is long enough. */
  match: string | null;
  /** Short terms, matched as substrings: instr() when they have no Latin letters, else LIKE. */
  short: { term: string; like: string | null }[];
};

const MAX_TERMS = 8;
const MAX_QUERY = 200;

export function searchTerms(q: string): string[] {
  const cleaned = q
    .slice(0, MAX_QUERY)
    .normalize("NFKC")
    // Punctuation carries no meaning for a substring search; keep letters, digits and marks.
    .replace(/[^\p{L}\p{N}\p{M}'-]+/gu, " ")
    .trim();
  const seen = new Set<string>();
  for (const t of cleaned.split(/\s+/)) {
    const term = t.replace(/^['-]+|['-]+$/g, "");
    if (term && !seen.has(term.toLowerCase())) seen.add(term.toLowerCase());
    if (seen.size >= MAX_TERMS) break;
  }
  return [...seen];
}

export function quoteFts(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function planSearch(q: string): SearchPlan | null {
  const terms = searchTerms(q);
  if (!terms.length) return null;
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  return {
    match: long.length ? long.map(quoteFts).join(" AND ") : null,
    // instr() is a plain byte search, several times faster than LIKE, and exact for Chinese;
    // LIKE is kept for Latin letters because it ignores case.
    short: short.map((term) => ({ term, like: /[a-z]/i.test(term) ? likePattern(term) : null })),
  };
}
