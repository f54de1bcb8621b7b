// Parses one course or series file from its bytes. Pure: no file system, so it is unit-tested
// directly; the folder walk and cross-file checks live in load.server.ts.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { checkBody, extractSections, type Section } from "./body";
import { courseFrontMatterSchema, seriesFrontMatterSchema, type CourseFrontMatter, type SeriesFrontMatter } from "./course-schema";
import { parseYaml, readYaml, splitFrontMatter } from "./front-matter";
import { checkMarkdownBody, checkYamlText, type PhrasingPolicy } from "./phrasing-policy";
import type { ContentProblem } from "./problems";
import { timed } from "./sync-phases";

export const MAX_FILE_BYTES = 512 * 1024;

export type ParsedFile<T> = {
  path: string;
  hash: string;
  data: T;
  body: string;
  sections: Section[];
  /** Line of a front-matter field, for problems found later (duplicate slug, position). */
  lineOf: (field: string) => number;
};
export type ParseResult<T> = { ok: true; file: ParsedFile<T> } | { ok: false; hash: string; problems: ContentProblem[] };

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function decodeUtf8(bytes: Uint8Array, path: string): { text: string } | { problem: ContentProblem } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const loose = new TextDecoder("utf-8").decode(bytes);
    const bad = loose.indexOf("\uFFFD");
    const line = bad < 0 ? 1 : loose.slice(0, bad).split("\n").length;
    return { problem: { path, line, message: "file: not valid UTF-8 text; save the file as UTF-8" } };
  }
}

function parseFile<S extends z.ZodType>(path: string, bytes: Uint8Array, schema: S, withBody: boolean, policy?: PhrasingPolicy | null): ParseResult<z.infer<S>> {
  const hash = timed("read", () => hashBytes(bytes));
  const fail = (...problems: ContentProblem[]) => ({ ok: false as const, hash, problems });
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / (1024 * 1024)).toFixed(1);
    return fail({ path, line: 1, message: `file: ${mb} MB is too large; the limit is ${MAX_FILE_BYTES / 1024} KB` });
  }
  const decoded = timed("read", () => decodeUtf8(bytes, path));
  if ("problem" in decoded) return fail(decoded.problem);
  const split = timed("frontMatter", () => splitFrontMatter(decoded.text));
  if (!split.ok) return fail({ path, line: split.line, message: split.message });
  // Read once: the fields and the phrasing check share the parse.
  const source = timed("frontMatter", () => readYaml(split.yamlText));
  const yaml = timed("frontMatter", () => parseYaml(source, split.yamlStartLine));
  if (!yaml.ok) return fail({ path, line: yaml.line, message: yaml.message });
  const lineOf = yaml.lineOf;
  const problems: ContentProblem[] = [];
  const result = timed("frontMatter", () => schema.safeParse(yaml.data));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join(".");
      problems.push({ path, line: lineOf(issue.path), message: field ? `${field}: ${stripLeadingField(issue.message, field)}` : issue.message });
    }
  }
  const sections = withBody ? timed("body", () => extractSections(split.body)) : [];
  if (withBody) {
    problems.push(...timed("body", () => checkBody(split.body, path, split.bodyStartLine)));
    if (sections.length === 0) problems.push({ path, line: split.bodyStartLine, message: "body: needs at least one ## section heading" });
  }
  if (policy) {
    problems.push(...timed("frontMatter", () => checkYamlText(policy, path, source, split.yamlStartLine)));
    problems.push(...timed("body", () => checkMarkdownBody(policy, path, split.body, split.bodyStartLine)));
  }
  if (problems.length || !result.success) return fail(...problems);
  return {
    ok: true,
    file: { path, hash, data: result.data, body: split.body, sections, lineOf: (f) => lineOf(f.split(".")) },
  };
}

// "title.zh: title.zh must not be empty" reads badly; keep one mention of the field.
function stripLeadingField(message: string, field: string): string {
  const last = field.split(".").pop()!;
  for (const prefix of [`${field} `, `${last} `]) if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}

export function parseCourseFile(path: string, bytes: Uint8Array, policy?: PhrasingPolicy | null): ParseResult<CourseFrontMatter> {
  return parseFile(path, bytes, courseFrontMatterSchema, true, policy);
}

export function parseSeriesFile(path: string, bytes: Uint8Array, policy?: PhrasingPolicy | null): ParseResult<SeriesFrontMatter> {
  return parseFile(path, bytes, seriesFrontMatterSchema, false, policy);
}
