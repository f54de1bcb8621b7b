// Splits a Markdown file into YAML front matter and body, and parses YAML with the `yaml`
// library, keeping its document so a problem can point at the line of the field it concerns.
// Plain front matter is read by the strict reader in simple-yaml.ts instead, with the same result.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { parseSimpleYaml, simpleLineOf, simpleToJS, type SimpleNode } from "./simple-yaml";

export type SplitFile =
  | { ok: true; yamlText: string; yamlStartLine: number; body: string; bodyStartLine: number }
  | { ok: false; line: number; message: string };

export function splitFrontMatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return { ok: false, line: 1, message: "front matter: the file must start with a line containing only ---" };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === "---" || l.trim() === "..."));
  if (end < 0) return { ok: false, line: lines.length, message: "front matter: no closing --- line" };
  return {
    ok: true,
    yamlText: lines.slice(1, end).join("\n"),
    yamlStartLine: 2,
    body: lines.slice(end + 1).join("\n"),
    bodyStartLine: end + 2,
  };
}

/** A YAML mapping, with the file line of any field path (e.g. ["quiz", "questions", 2, "answer"]). */
export type YamlMapping =
  | { ok: true; data: Record<string, unknown>; lineOf: (path: readonly PropertyKey[]) => number }
  | { ok: false; line: number; message: string };

/** YAML text parsed once, for both the fields and the phrasing check. */
export type YamlSource =
  | { text: string; simple: SimpleNode; doc?: undefined; counter?: undefined }
  | { text: string; simple: null; doc: Document.Parsed; counter: LineCounter };

/** Parses with the strict reader when the text is in its subset, else with the library. */
export function readYaml(text: string, options: { library?: boolean } = {}): YamlSource {
  const simple = options.library ? null : parseSimpleYaml(text);
  if (simple) return { text, simple };
  const counter = new LineCounter();
  // The core schema: `yes`/`no` stay strings, as YAML 1.2 says; the error message stays one line.
  const doc = parseDocument(text, { lineCounter: counter, schema: "core", prettyErrors: false });
  return { text, simple: null, doc, counter };
}

/**
 * Parses YAML text that starts at file line `startLine`. Messages carry no prefix: the caller
 * says whether the text is front matter or a whole file.
 */
export function parseYamlMapping(source: string | YamlSource, startLine: number): YamlMapping {
  const read = typeof source === "string" ? readYaml(source) : source;
  if (read.simple) {
    const root = read.simple;
    return { ok: true, data: simpleToJS(root) as Record<string, unknown>, lineOf: (path) => startLine + simpleLineOf(root, path) };
  }
  const { doc, counter } = read;
  const fileLine = (offset: number) => startLine + counter.linePos(offset).line - 1;
  const error = doc.errors[0];
  if (error) return { ok: false, line: fileLine(error.pos[0]), message: `not valid YAML (${error.message})` };
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, line: startLine, message: "must be a YAML mapping of fields (key: value)" };
  const data = doc.toJS() as Record<string, unknown>;
  return { ok: true, data, lineOf: (path) => fileLine(offsetOfPath(root, path)) };
}

/** Start offset of the value at `path`, or of the deepest part of the path that exists. */
function offsetOfPath(root: Node, path: readonly PropertyKey[]): number {
  let node: unknown = root;
  let offset = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair || !isScalar(pair.key) || !pair.key.range) break;
      offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      const range = (item as Node | undefined)?.range;
      if (!range) break;
      offset = range[0];
      node = item;
    } else break;
  }
  return offset;
}

export type ParsedYaml = YamlMapping;

export function parseYaml(yamlText: string | YamlSource, yamlStartLine: number): ParsedYaml {
  const r = parseYamlMapping(yamlText, yamlStartLine);
  return r.ok ? r : { ...r, message: `front matter: ${r.message}` };
}

/** The file line of the value at `path` in the YAML text (see parseYamlMapping). */
export function lineOfPath(yamlText: string, yamlStartLine: number, path: readonly PropertyKey[]): number {
  const r = parseYamlMapping(yamlText, yamlStartLine);
  return r.ok ? r.lineOf(path) : yamlStartLine;
}

/**
 * The file line of a top-level key, read without a YAML parse: a valid file's top-level keys
 * start at column 0 and appear once, and no other line of a valid mapping can start with
 * `key:` at column 0 (nested values are indented). Anything else (a quoted key, a flow
 * mapping, two candidates) falls back to the parser, so the answer is always the parser's.
 */
export function lineOfTopLevelKey(yamlText: string, yamlStartLine: number, key: string): number {
  let found = -1;
  let index = 0;
  for (const line of yamlText.split("\n")) {
    if (line.startsWith(key) && /^[ \t]*:(?:[ \t]|$)/.test(line.slice(key.length))) {
      if (found >= 0) return lineOfPath(yamlText, yamlStartLine, [key]);
      found = index;
    }
    index++;
  }
  return found < 0 ? lineOfPath(yamlText, yamlStartLine, [key]) : yamlStartLine + found;
}
