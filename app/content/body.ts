// Checks and structure of a lesson body: no raw HTML, no script links, `##` sections.
import type { ContentProblem } from "./problems";

export type Section = { id: string; title: string };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HTML_TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/;
const SCRIPT_URL = /(?:javascript|vbscript|livescript)\s*:|data\s*:\s*text\/html/i;

/** Lines outside fenced code blocks, with inline code spans blanked out. */
function proseLines(body: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let fence: string | null = null;
  body.split(/\r?\n/).forEach((line, index) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    out.push({ text: line.replace(/(`+)[^`]*?\1/g, ""), index });
  });
  return out;
}

export function checkBody(body: string, path: string, bodyStartLine: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { text, index } of proseLines(body)) {
    const line = bodyStartLine + index;
    const tag = HTML_TAG.exec(text)?.[1];
    if (tag) problems.push({ path, line, message: `body: HTML tag <${tag.toLowerCase()}> is not allowed; write Markdown instead` });
    if (SCRIPT_URL.test(text)) problems.push({ path, line, message: "body: javascript: (or other script) links are not allowed" });
  }
  return problems;
}

/** The `##` headings of the body, in order. Ids are positional so they survive a reworded title. */
export function extractSections(body: string): Section[] {
  const sections: Section[] = [];
  for (const { text } of proseLines(body)) {
    const heading = /^\s{0,3}##\s+(.+?)\s*#*\s*$/.exec(text)?.[1];
    if (heading) sections.push({ id: `s${sections.length + 1}`, title: heading.replace(/[*_`]/g, "") });
  }
  return sections;
}

/** Plain text for the search index: Markdown punctuation removed. */
export function searchableText(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`|~-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type SectionChunk = Section & { markdown: string };

/** The body cut at its `##` headings: the text before the first one, then one chunk per section. */
export function splitSections(body: string): { intro: string; sections: SectionChunk[] } {
  const lines = body.split(/\r?\n/);
  const headings = new Map<number, string>();
  for (const { text, index } of proseLines(body)) {
    const heading = /^\s{0,3}##\s+(.+?)\s*#*\s*$/.exec(text)?.[1];
    if (heading) headings.set(index, heading.replace(/[*_`]/g, ""));
  }
  const starts = [...headings.keys()];
  const intro = lines.slice(0, starts[0] ?? lines.length).join("\n");
  const sections = starts.map((start, i) => ({
    id: `s${i + 1}`,
    title: headings.get(start)!,
    markdown: lines.slice(start + 1, starts[i + 1] ?? lines.length).join("\n"),
  }));
  return { intro, sections };
}
