// A problem found in a content file. Every checker reports in this shape so that
// `npm run content:check`, the sync log and the admin page all print the same line.
export type ContentProblem = { path: string; line: number; message: string };

/** The contract line: `path:line: message`. Line numbers start at 1; 0 means "the whole file". */
export function formatProblem(p: ContentProblem): string {
  return `${p.path}:${Math.max(1, p.line)}: ${p.message}`;
}

export function formatProblems(problems: ContentProblem[]): string {
  return problems.map(formatProblem).join("\n");
}

/** Stable order: by path, then line, so output and stored lists compare cleanly. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.message.localeCompare(b.message)));
}
