// Splits a Markdown file into YAML front matter and body, and finds the line of a field so a
// problem can point at it. js-yaml keeps no positions for values, so the line is found by walking
// the block structure of the YAML text along the field's path.
import yaml from "js-yaml";

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

export type ParsedYaml = { ok: true; data: Record<string, unknown> } | { ok: false; line: number; message: string };

export function parseYaml(yamlText: string, yamlStartLine: number): ParsedYaml {
  try {
    const data = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA });
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return { ok: false, line: yamlStartLine, message: "front matter: must be a YAML mapping of fields (key: value)" };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch (e) {
    if (e instanceof yaml.YAMLException) {
      const line = yamlStartLine + (e.mark?.line ?? 0);
      return { ok: false, line, message: `front matter: not valid YAML (${e.reason})` };
    }
    throw e;
  }
}

type Row = { indent: number; dash: number; key: string | null; blank: boolean };

function analyse(line: string): Row {
  const trimmed = line.trimStart();
  if (trimmed === "" || trimmed.startsWith("#")) return { indent: 0, dash: -1, key: null, blank: true };
  const indent = line.length - trimmed.length;
  let rest = trimmed;
  let col = indent;
  let dash = -1;
  while (rest.startsWith("- ") || rest === "-") {
    if (dash < 0) dash = col;
    const after = rest.slice(1).trimStart();
    col += rest.length - after.length;
    rest = after;
  }
  const m = /^(?:"([^"]+)"|'([^']+)'|([^\s:#'"{[][^:#]*?))\s*:(?:\s|$)/.exec(rest);
  return { indent, dash, key: m ? (m[1] ?? m[2] ?? m[3]).trim() : null, blank: false };
}

/**
 * The file line of the value at `path` (e.g. ["quiz", "questions", 2, "answer"]) in the YAML
 * text, or the line of the deepest part of the path that exists.
 */
export function lineOfPath(yamlText: string, yamlStartLine: number, path: readonly PropertyKey[]): number {
  const rows = yamlText.split(/\r?\n/).map(analyse);
  let from = 0;
  let to = rows.length;
  let found = -1;
  for (const seg of path) {
    let hit = -1;
    if (typeof seg === "number") {
      let minDash = Infinity;
      for (let i = from; i < to; i++) if (!rows[i].blank && rows[i].dash >= 0) minDash = Math.min(minDash, rows[i].dash);
      if (minDash === Infinity) break;
      let n = -1;
      for (let i = from; i < to; i++) {
        if (rows[i].dash === minDash && ++n === seg) {
          hit = i;
          break;
        }
      }
      if (hit < 0) break;
      // The item runs until the next dash at the same column or anything less indented.
      let end = hit + 1;
      while (end < to && (rows[end].blank || (rows[end].indent > minDash && !(rows[end].dash === minDash)))) end++;
      found = hit;
      // An item "- key: v" holds its first key on its own line: search that line too.
      from = hit;
      to = end;
      continue;
    }
    const key = String(seg);
    let minCol = Infinity;
    for (let i = from; i < to; i++) {
      if (rows[i].key !== key) continue;
      const col = rows[i].dash >= 0 ? rows[i].dash + 2 : rows[i].indent;
      if (col < minCol) {
        minCol = col;
        hit = i;
      }
    }
    if (hit < 0) break;
    found = hit;
    const own = rows[hit].dash >= 0 && hit === from ? rows[hit].dash + 2 : rows[hit].indent;
    let end = hit + 1;
    while (end < to && (rows[end].blank || rows[end].indent > own || (rows[end].indent === own && rows[end].dash === own && rows[hit].dash < 0))) end++;
    from = hit + 1;
    to = end;
  }
  return yamlStartLine + Math.max(0, found);
}
