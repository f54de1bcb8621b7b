// Applies the phrasing policy (content/policy.yaml) to content text. Pure: the caller reads the
// files. Every text a trainee reads, types or is scored on is checked; a lesson may quote a
// forbidden phrase only inside a bad-example block, and a quiz only as a wrong choice of a
// question marked `badExample: true` (decision 017).
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { parseYamlMapping, readYaml, type YamlSource } from "./front-matter";
import { policySchema, type ForbiddenRule } from "./policy-schema";
import type { ContentProblem } from "./problems";
import type { SimpleNode } from "./simple-yaml";

type CompiledRule = { kind: "forbidden"; rule: ForbiddenRule; re: RegExp } | { kind: "term"; use: string; word: string; reason?: string };
export type PhrasingPolicy = { rules: CompiledRule[] };
export type PolicyResult = { ok: true; policy: PhrasingPolicy } | { ok: false; problems: ContentProblem[] };

/** Parses and compiles the policy file; every problem points at its line. */
export function parsePolicy(path: string, source: string): PolicyResult {
  const yaml = parseYamlMapping(source, 1);
  if (!yaml.ok) return { ok: false, problems: [{ path, line: yaml.line, message: `file: ${yaml.message}` }] };
  const result = policySchema.safeParse(yaml.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      // An unknown field is reported at the field itself, not at its parent.
      const at = issue.code === "unrecognized_keys" && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
      const field = at.map(String).join(".");
      return { path, line: yaml.lineOf(at), message: field ? `${field}: ${issue.message}` : issue.message };
    });
    return { ok: false, problems };
  }
  const problems: ContentProblem[] = [];
  const rules: CompiledRule[] = [];
  const ids = new Set<string>();
  result.data.forbidden.forEach((rule, i) => {
    if (ids.has(rule.id)) problems.push({ path, line: yaml.lineOf(["forbidden", i, "id"]), message: `forbidden.${i}.id: rule id "${rule.id}" is used twice` });
    ids.add(rule.id);
    try {
      rules.push({ kind: "forbidden", rule, re: new RegExp(rule.pattern, "gu") });
    } catch (e) {
      problems.push({ path, line: yaml.lineOf(["forbidden", i, "pattern"]), message: `forbidden.${i}.pattern: not a valid regular expression (${(e as Error).message})` });
    }
  });
  for (const term of result.data.terms) for (const word of term.insteadOf) rules.push({ kind: "term", use: term.use, word, reason: term.reason });
  return problems.length ? { ok: false, problems } : { ok: true, policy: { rules } };
}

export type Violation = { index: number; message: string };

/** Every breach of the policy in one text, with its offset in the text. */
export function checkText(policy: PhrasingPolicy, text: string): Violation[] {
  const out: Violation[] = [];
  for (const r of policy.rules) {
    if (r.kind === "forbidden") {
      r.re.lastIndex = 0;
      for (const m of text.matchAll(r.re)) {
        if (!m[0]) continue;
        out.push({
          index: m.index,
          message: `phrasing: "${m[0]}" breaks the rule "${r.rule.name}" (${r.rule.id}): ${r.rule.reason} Say instead: ${r.rule.instead}`,
        });
      }
    } else {
      for (let i = text.indexOf(r.word); i >= 0; i = text.indexOf(r.word, i + r.word.length)) {
        out.push({ index: i, message: `phrasing: "${r.word}" is not the company's term; say "${r.use}"${r.reason ? ` (${r.reason})` : ""}` });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)/;
/** The first line of a bad-example block quote. */
export const BAD_QUOTE = /^\s{0,3}>\s*\[!bad\]\s*$/i;

/** Checks a Markdown body line by line, skipping bad-example blocks (`> [!bad]` quotes, ```bad fences). */
export function checkMarkdownBody(policy: PhrasingPolicy, path: string, body: string, bodyStartLine: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let fence: { mark: string; bad: boolean } | null = null;
  let badQuote = false;
  body.split(/\r?\n/).forEach((line, index) => {
    const m = FENCE.exec(line);
    if (fence) {
      const mark = m?.[1];
      if (mark && mark[0] === fence.mark[0] && mark.length >= fence.mark.length && !m?.[2]) {
        fence = null;
        return;
      }
      if (fence.bad) return;
    } else if (m?.[1]) {
      fence = { mark: m[1], bad: m[2]?.toLowerCase() === "bad" };
      return;
    }
    if (!fence) {
      if (BAD_QUOTE.test(line)) badQuote = true;
      else if (!/^\s{0,3}>/.test(line)) badQuote = false;
      if (badQuote) return;
    }
    for (const v of checkText(policy, line)) problems.push({ path, line: bodyStartLine + index, message: v.message });
  });
  return problems;
}

/**
 * Checks every text value of a YAML file (or front matter starting at `startLine`). The choices
 * of a question marked `badExample: true` may quote a forbidden phrase on purpose (a distractor,
 * or "which of these may not be said?"); its prompt and explanation may not.
 */
export function checkYamlText(policy: PhrasingPolicy, path: string, source: string | YamlSource, startLine = 1): ContentProblem[] {
  const read = typeof source === "string" ? readYaml(source) : source;
  if (read.simple) return checkSimpleYaml(policy, path, read.simple, startLine);
  const { text, doc, counter } = read;
  if (doc.errors.length) return [];
  const problems: ContentProblem[] = [];
  const lineAt = (offset: number) => startLine + counter.linePos(offset).line - 1;
  const visit = (node: unknown, exempt: boolean) => {
    if (isScalar(node)) {
      if (exempt || typeof node.value !== "string" || !node.range) return;
      const source = text.slice(node.range[0], node.range[1]);
      for (const v of checkText(policy, node.value)) {
        // Point at the line of the match in a multi-line text when it can be found verbatim.
        const found = source.indexOf(node.value.slice(v.index, v.index + 8));
        problems.push({ path, line: lineAt(node.range[0] + Math.max(0, found)), message: v.message });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, exempt);
    } else if (isMap(node)) {
      const marked = node.get("badExample") === true;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        visit(pair.value, exempt || (marked && key === "choices"));
      }
    }
  };
  visit(doc.contents as Node | null, false);
  return problems;
}

/** checkYamlText over the strict reader's tree: its values are one line each. */
function checkSimpleYaml(policy: PhrasingPolicy, path: string, root: SimpleNode, startLine: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const visit = (node: SimpleNode, exempt: boolean) => {
    if (node.kind === "scalar") {
      if (exempt || typeof node.value !== "string") return;
      for (const v of checkText(policy, node.value)) problems.push({ path, line: startLine + node.line, message: v.message });
    } else if (node.kind === "seq") {
      for (const item of node.items) visit(item, exempt);
    } else {
      const marked = node.pairs.some((p) => p.key === "badExample" && p.value.kind === "scalar" && p.value.value === true);
      for (const pair of node.pairs) visit(pair.value, exempt || (marked && pair.key === "choices"));
    }
  };
  visit(root, false);
  return problems;
}

/** A lesson or series file: front matter and body. */
export function checkLessonSource(policy: PhrasingPolicy, path: string, yamlText: string, yamlStartLine: number, body: string, bodyStartLine: number): ContentProblem[] {
  return [...checkYamlText(policy, path, yamlText, yamlStartLine), ...checkMarkdownBody(policy, path, body, bodyStartLine)];
}
