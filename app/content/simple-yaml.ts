// A strict reader for the plain YAML that course and series front matter is written in: block
// mappings and lists, one-line `{ k: v }` and `[a, b]`, plain and "double-quoted" one-line
// values. Anything else (multi-line or single-quoted values, escapes, block scalars, anchors,
// tags, comments after a value, tabs, duplicate keys, a value that might read as a number) makes
// it decline with null, and the caller parses the text with the `yaml` library instead — so the
// result is always the library's (core schema), only faster: a cold sync of a thousand lessons
// spent a third of its time composing YAML documents (decision 056).

/** A value with the 0-based line of the text it starts on. */
export type SimpleNode =
  | { kind: "scalar"; value: string | number | boolean | null; line: number }
  | { kind: "seq"; items: SimpleNode[]; line: number }
  | { kind: "map"; pairs: SimplePair[]; line: number };
export type SimplePair = { key: string; keyLine: number; value: SimpleNode };

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

// Tabs, carriage returns, control characters, BOMs and the Unicode line separators have rules of
// their own in YAML: left to the library.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// Keys the core schema reads as something other than text.
const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
const ENTRY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

/** A one-line plain value as the core schema resolves it; declines what might not be text. */
function plainScalar(raw: string, inFlow: boolean): string | number | boolean | null {
  const v = raw.trim();
  if (v === "" || v === "~" || v === "null" || v === "Null" || v === "NULL") return null;
  if (v === "true" || v === "True" || v === "TRUE") return true;
  if (v === "false" || v === "False" || v === "FALSE") return false;
  if (/^[0-9]{1,15}$/.test(v)) return Number(v);
  // Could be a number in another notation (-1, 0x1f, 1e3, .inf): the library decides.
  if (/^[-+.0-9][0-9A-Za-z._+-]*$/.test(v)) decline();
  // Indicators that start something other than a plain value, and a comment or a nested key.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(v) || / #|: |:$/.test(v)) decline();
  if (inFlow && /[,[\]{}:]/.test(v)) decline();
  return v;
}

/** A one-line "double-quoted" value without escapes; returns the text and what follows it. */
function quoted(s: string): { value: string; rest: string } {
  const end = s.indexOf('"', 1);
  if (end < 0) decline();
  const value = s.slice(1, end);
  if (value.includes("\\")) decline();
  return { value, rest: s.slice(end + 1) };
}

function flowItem(raw: string, line: number): SimpleNode {
  const s = raw.trim();
  if (s.startsWith('"')) {
    const { value, rest } = quoted(s);
    if (rest.trim() !== "") decline();
    return { kind: "scalar", value, line };
  }
  return { kind: "scalar", value: plainScalar(s, true), line };
}

/** Splits the inside of a one-line flow collection at its commas (quoted commas stay). */
function flowParts(inner: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === "," && !inQuote) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  if (inQuote) decline();
  parts.push(inner.slice(start));
  if (parts.length === 1 && parts[0]!.trim() === "") return [];
  // An empty entry (a trailing comma, ", ,") has rules of its own.
  if (parts.some((p) => p.trim() === "")) decline();
  return parts;
}

/** A value written on the line itself: flow collection, quoted or plain. */
function inlineValue(raw: string, line: number): SimpleNode {
  const s = raw.trim();
  if (s.startsWith("[") || s.startsWith("{")) {
    const close = s.startsWith("[") ? "]" : "}";
    if (!s.endsWith(close)) decline();
    const inner = s.slice(1, -1);
    if (/[[\]{}]/.test(inner.replace(/"[^"]*"/g, '""'))) decline();
    const parts = flowParts(inner);
    if (close === "]") return { kind: "seq", items: parts.map((p) => flowItem(p, line)), line };
    const pairs: SimplePair[] = [];
    for (const part of parts) {
      const m = /^\s*([A-Za-z_][A-Za-z0-9_-]*): +(.*)$/.exec(part);
      if (!m) decline();
      addPair(pairs, m![1]!, line, flowItem(m![2]!, line));
    }
    return { kind: "map", pairs, line };
  }
  if (s.startsWith('"')) {
    const { value, rest } = quoted(s);
    if (rest.trim() !== "") decline();
    return { kind: "scalar", value, line };
  }
  return { kind: "scalar", value: plainScalar(s, false), line };
}

function addPair(pairs: SimplePair[], key: string, keyLine: number, value: SimpleNode) {
  if (!KEY.test(key) || SPECIAL_KEY.test(key) || pairs.some((p) => p.key === key)) decline();
  pairs.push({ key, keyLine, value });
}

type Line = { indent: number; text: string; index: number };

class Reader {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  peek(): Line | undefined {
    return this.lines[this.at];
  }

  done() {
    return this.at >= this.lines.length;
  }

  /** The block that starts at the next line, indented exactly `indent`. */
  block(indent: number): SimpleNode {
    const first = this.peek()!;
    return first.text.startsWith("- ") || first.text === "-" ? this.seq(indent) : this.map(indent, first.text, first.index);
  }

  /** A mapping whose first entry (`firstText`) is already cut from its line (after a list dash). */
  map(indent: number, firstText: string, firstLine: number): SimpleNode {
    const pairs: SimplePair[] = [];
    let text: string | undefined = firstText;
    let line = firstLine;
    for (;;) {
      this.at++;
      const m = ENTRY.exec(text);
      if (!m) decline();
      addPair(pairs, m![1]!, line, this.valueAfter(m![2], indent, line, true));
      const next = this.peek();
      if (!next || next.indent < indent) break;
      if (next.indent > indent) decline();
      text = next.text;
      line = next.index;
    }
    return { kind: "map", pairs, line: firstLine };
  }

  seq(indent: number): SimpleNode {
    const items: SimpleNode[] = [];
    const start = this.peek()!.index;
    for (;;) {
      const cur = this.peek();
      if (!cur || cur.indent !== indent || !(cur.text.startsWith("- ") || cur.text === "-")) break;
      const rest = cur.text.slice(1).replace(/^ +/, "");
      const restIndent = indent + (cur.text.length - rest.length);
      if (rest === "") {
        this.at++;
        const item = this.nested(indent, cur.index, false);
        // Where the library places an empty item is its own business.
        if (item.kind === "scalar") decline();
        items.push(item);
      } else if (rest.startsWith("- ") || rest === "-") decline();
      else if (ENTRY.test(rest)) items.push(this.map(restIndent, rest, cur.index));
      else {
        this.at++;
        items.push(inlineValue(rest, cur.index));
      }
    }
    const next = this.peek();
    if (next && next.indent > indent) decline();
    return { kind: "seq", items, line: start };
  }

  /** What follows `key:` — a value on the line, or a block on the next lines. */
  private valueAfter(raw: string | undefined, indent: number, line: number, inMap: boolean): SimpleNode {
    if (raw !== undefined && raw.trim() !== "") {
      const value = inlineValue(raw, line);
      const next = this.peek();
      // A deeper line after a one-line value would be a continuation: a multi-line value.
      if (next && next.indent > indent) decline();
      return value;
    }
    return this.nested(indent, line, inMap);
  }

  /** The block under a key or an empty dash; a list may sit at the key's own indent. */
  private nested(indent: number, line: number, inMap: boolean): SimpleNode {
    const next = this.peek();
    if (next && next.indent > indent) return this.block(next.indent);
    if (inMap && next && next.indent === indent && (next.text.startsWith("- ") || next.text === "-")) return this.seq(indent);
    return { kind: "scalar", value: null, line };
  }
}

/** The text as a tree, or null when it is not in the subset (then ask the `yaml` library). */
export function parseSimpleYaml(text: string): SimpleNode | null {
  if (UNUSUAL.test(text)) return null;
  const lines: Line[] = [];
  const all = text.split("\n");
  for (let index = 0; index < all.length; index++) {
    const raw = all[index]!;
    const body = raw.trimStart();
    // Blank and comment lines carry nothing outside multi-line values, which are declined.
    if (body === "" || body.startsWith("#")) continue;
    // Directives and document markers.
    if (/^(?:%|---|\.\.\.)/.test(raw)) return null;
    lines.push({ indent: raw.length - body.length, text: body.trimEnd(), index });
  }
  if (!lines.length || lines[0]!.indent !== 0) return null;
  try {
    const reader = new Reader(lines);
    const first = lines[0]!;
    if (first.text.startsWith("-")) return null;
    const root = reader.map(0, first.text, first.index);
    return reader.done() ? root : null;
  } catch (e) {
    if (e instanceof Decline) return null;
    throw e;
  }
}

/** The plain JavaScript value, as the library's `toJS()` gives it. */
export function simpleToJS(node: SimpleNode): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(simpleToJS);
  const out: Record<string, unknown> = {};
  for (const p of node.pairs) out[p.key] = simpleToJS(p.value);
  return out;
}

/** The 0-based line of the value at `path`, or of the deepest part of the path that exists. */
export function simpleLineOf(root: SimpleNode, path: readonly PropertyKey[]): number {
  let node: SimpleNode | undefined = root;
  let line = 0;
  for (const seg of path) {
    if (node?.kind === "map") {
      const pair: SimplePair | undefined = node.pairs.find((p) => p.key === String(seg));
      if (!pair) break;
      line = pair.keyLine;
      node = pair.value;
    } else if (node?.kind === "seq" && typeof seg === "number") {
      const item: SimpleNode | undefined = node.items[seg];
      if (!item) break;
      line = item.line;
      node = item;
    } else break;
  }
  return line;
}
