// Parses one course or series file from its bytes. Pure: no file system, so it is unit-tested
// directly; the folder walk and cross-file checks live in load.server.ts.
import { Buffer, isUtf8 } from "node:buffer";
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
  // Node's own check and decoder are several times faster than a fatal TextDecoder; a leading
  // BOM, which TextDecoder would drop, is dropped by splitFrontMatter.
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") };
  const loose = new TextDecoder("utf-8").decode(bytes);
  const bad = loose.indexOf("\uFFFD");
  const line = bad < 0 ? 1 : loose.slice(0, bad).split("\n").length;
  return { problem: { path, line, message: "file: not valid UTF-8 text; save the file as UTF-8" } };
}

function parseFile<S extends z.ZodType>(path: string, bytes: Uint8Array, schema: S, withBody: boolean, policy?: PhrasingPolicy | null): ParseResult<z.infer<S>> {
  const read = timed("read", () => readText(path, bytes));
  const { hash } = read;
  const fail = (...problems: ContentProblem[]) => ({ ok: false as const, hash, problems });
  if (!read.ok) return fail(read.problem);
  const front = timed("frontMatter", () => readFrontMatter(path, read.text, schema, policy));
  if (!front.ok) return fail(front.problem);
  const { split, result, lineOf } = front;
  const body = withBody ? timed("body", () => readBody(path, split, policy)) : { sections: [], problems: [], phrasing: [] };
  const problems = [...front.problems, ...body.problems, ...front.phrasing, ...body.phrasing];
  if (problems.length || !result.success) return fail(...problems);
  return {
    ok: true,
    file: { path, hash, data: result.data, body: split.body, sections: body.sections, lineOf: (f) => lineOf(f.split(".")) },
  };
}

type Refused = { ok: false; problem: ContentProblem };

function readText(path: string, bytes: Uint8Array): ({ ok: true; text: string } | Refused) & { hash: string } {
  const hash = hashBytes(bytes);
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / (1024 * 1024)).toFixed(1);
    return { ok: false, hash, problem: { path, line: 1, message: `file: ${mb} MB is too large; the limit is ${MAX_FILE_BYTES / 1024} KB` } };
  }
  const decoded = decodeUtf8(bytes, path);
  return "problem" in decoded ? { ok: false, hash, problem: decoded.problem } : { ok: true, hash, text: decoded.text };
}

/** Front matter checked against the schema and the policy; the problems are returned, not yet failed on. */
function readFrontMatter<S extends z.ZodType>(path: string, text: string, schema: S, policy?: PhrasingPolicy | null) {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, problem: { path, line: split.line, message: split.message } } satisfies Refused;
  // Read once: the fields and the phrasing check share the parse.
  const source = readYaml(split.yamlText);
  const yaml = parseYaml(source, split.yamlStartLine);
  if (!yaml.ok) return { ok: false, problem: { path, line: yaml.line, message: yaml.message } } satisfies Refused;
  const lineOf = yaml.lineOf;
  const problems: ContentProblem[] = [];
  const result = schema.safeParse(yaml.data) as z.ZodSafeParseResult<z.infer<S>>;
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join(".");
      problems.push({ path, line: lineOf(issue.path), message: field ? `${field}: ${stripLeadingField(issue.message, field)}` : issue.message });
    }
  }
  const phrasing = policy ? checkYamlText(policy, path, source, split.yamlStartLine) : [];
  return { ok: true as const, split, result, lineOf, problems, phrasing };
}

/** The body's sections, its problems and its phrasing problems. */
function readBody(path: string, split: { body: string; bodyStartLine: number }, policy?: PhrasingPolicy | null) {
  const sections = extractSections(split.body);
  const problems = checkBody(split.body, path, split.bodyStartLine);
  if (sections.length === 0) problems.push({ path, line: split.bodyStartLine, message: "body: needs at least one ## section heading" });
  const phrasing = policy ? checkMarkdownBody(policy, path, split.body, split.bodyStartLine) : [];
  return { sections, problems, phrasing };
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
