// A short excerpt of a search hit with the matched words marked. It returns pieces, not HTML:
// the page renders marked pieces as <mark> and React escapes every piece, so lesson text can
// never inject markup.

export interface SnippetPiece {
  text: string;
  mark: boolean;
}

/** Markdown punctuation that would read as noise in an excerpt. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*>+/gm, " ")
    .replace(/[#*_`|~]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first place in `text` where a term occurs, with about `radius` characters either side and
 * every occurrence of any term marked; null when no term occurs. Case-insensitive.
 */
export function searchSnippet(text: string, terms: readonly string[], radius = 40): SnippetPiece[] | null {
  const source = plain(text);
  const wanted = terms.filter(Boolean).map((t) => t.toLowerCase());
  if (!wanted.length) return null;
  const lower = source.toLowerCase();
  const first = Math.min(...wanted.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return null;
  const start = Math.max(0, first - radius);
  const end = Math.min(source.length, first + radius * 2);
  const window = source.slice(start, end);
  const windowLower = window.toLowerCase();
  const pieces: SnippetPiece[] = [];
  if (start > 0) pieces.push({ text: "…", mark: false });
  let at = 0;
  while (at < window.length) {
    let next = -1;
    let len = 0;
    for (const t of wanted) {
      const i = windowLower.indexOf(t, at);
      if (i >= 0 && (next < 0 || i < next || (i === next && t.length > len))) [next, len] = [i, t.length];
    }
    if (next < 0) break;
    if (next > at) pieces.push({ text: window.slice(at, next), mark: false });
    pieces.push({ text: window.slice(next, next + len), mark: true });
    at = next + len;
  }
  if (at < window.length) pieces.push({ text: window.slice(at), mark: false });
  if (end < source.length) pieces.push({ text: "…", mark: false });
  return pieces;
}
