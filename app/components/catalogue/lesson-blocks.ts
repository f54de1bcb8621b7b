// Block quotes in a lesson carry three kinds of text the plain Markdown rendering flattens:
// dialogues (one `**客户：** …` line per turn), notices and text-message samples (whose line
// breaks matter), and bad examples (`> [!bad]`, phrasing policy). This rehype step, applied to
// react-markdown's HTML tree, turns them into marked-up blocks; no HTML from the file is used.
import type { Element, ElementContent, Root, RootContent } from "hast";
import catalogue from "~/catalogue/messages";

const BAD_MARK = /^\s*\[!bad\]\s*\n?/i;
const SPEAKER = /^(.{1,12}?)\s*[：:]\s*$/;

const el = (
  tagName: string,
  className: string,
  children: ElementContent[],
  extra: Record<string, string> = {},
): Element => ({
  type: "element",
  tagName,
  properties: { className: [className], ...extra },
  children,
});
const txt = (value: string): ElementContent => ({ type: "text", value });

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** A paragraph's inline content cut at its soft line breaks. */
function splitLines(children: ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const c of children) {
    if (c.type === "text" && c.value.includes("\n")) {
      c.value.split("\n").forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1]!.push(txt(part));
      });
    } else if (c.type === "element" && c.tagName === "br") lines.push([]);
    else lines[lines.length - 1]!.push(c);
  }
  return lines.filter((l) => l.some((c) => textOf(c).trim()));
}

/** The turns of a dialogue, when every line of the quote starts with a bold `Speaker：`. */
function dialogueTurns(paragraphs: Element[]): { speaker: string; rest: ElementContent[] }[] | null {
  const turns: { speaker: string; rest: ElementContent[] }[] = [];
  for (const p of paragraphs) {
    for (const line of splitLines(p.children)) {
      const first = line.find((c) => textOf(c).trim());
      if (!first || first.type !== "element" || first.tagName !== "strong") return null;
      const m = SPEAKER.exec(textOf(first).trim());
      if (!m) return null;
      const rest = line.slice(line.indexOf(first) + 1);
      const head = rest[0];
      if (head?.type === "text") rest[0] = txt(head.value.replace(/^\s+/, ""));
      turns.push({ speaker: m[1]!, rest });
    }
  }
  return turns.length >= 2 ? turns : null;
}

/** Soft line breaks inside a quote stay line breaks (a notice, a text message). */
function keepBreaks(children: ElementContent[]): ElementContent[] {
  return children.map((c) => {
    if (c.type !== "element") return c;
    if (c.tagName !== "p") return c;
    const lines = splitLines(c.children);
    return { ...c, children: lines.flatMap((l, i) => (i ? [el("br", "", []), ...l] : l)) };
  });
}

function badLabel(): ElementContent {
  // Both languages; the page's locale shows one (the HTML is cached per course version).
  return el("p", "md-bad__label", [
    el("span", "md-bad__label-zh", [txt(catalogue.zh["lesson.badExample"])], { lang: "zh-CN" }),
    el("span", "md-bad__label-en", [txt(catalogue.en["lesson.badExample"])], { lang: "en" }),
  ]);
}

function transformQuote(q: Element): Element {
  const blocks = q.children.filter((c): c is Element => c.type === "element");
  const first = blocks[0];
  const firstText = first?.tagName === "p" ? first.children[0] : undefined;
  if (first && firstText?.type === "text" && BAD_MARK.test(firstText.value)) {
    const stripped = firstText.value.replace(BAD_MARK, "");
    const rest: Element[] =
      stripped || first.children.length > 1
        ? [
            { ...first, children: [...(stripped ? [txt(stripped)] : []), ...first.children.slice(1)] },
            ...blocks.slice(1),
          ]
        : blocks.slice(1);
    const inner = transformQuote({ ...q, children: rest });
    return el("aside", "md-bad", [badLabel(), ...(inner.tagName === "blockquote" ? inner.children : [inner])], {
      role: "note",
    });
  }
  if (blocks.length && blocks.every((b) => b.tagName === "p")) {
    const turns = dialogueTurns(blocks);
    if (turns) {
      return el(
        "div",
        "dialogue",
        turns.map((t, i) =>
          el("p", `dialogue__turn dialogue__turn--${i % 2 ? "b" : "a"}`, [
            el("strong", "dialogue__speaker", [txt(t.speaker)]),
            el("span", "dialogue__line", t.rest),
          ]),
        ),
        { role: "group" },
      );
    }
  }
  return { ...q, children: keepBreaks(q.children) };
}

/** A fenced block written as ```bad. */
function isBadFence(pre: Element): boolean {
  const code = pre.children[0];
  const cls = code?.type === "element" ? code.properties.className : undefined;
  return Array.isArray(cls) && cls.includes("language-bad");
}

function walk(node: Root | Element) {
  node.children = (node.children as RootContent[]).map((c) => {
    if (c.type !== "element") return c;
    if (c.tagName === "blockquote") return transformQuote(c);
    if (c.tagName === "pre" && isBadFence(c)) return el("aside", "md-bad", [badLabel(), c], { role: "note" });
    walk(c);
    return c;
  }) as typeof node.children;
}

/** The rehype step (react-markdown's `rehypePlugins`). */
export function rehypeLessonBlocks() {
  return (tree: Root) => walk(tree);
}
