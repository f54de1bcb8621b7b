// Over the real content folder and the catalogue bench's generated files: the strict reader
// reads every course and series front matter itself (or the speed-up would not apply), and its
// data, field lines and phrasing problems are the library's. The other YAML files of the folder
// (exams, FAQ, policy, competency model) give the library's result too, whoever reads them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseYamlMapping, readYaml, splitFrontMatter, type YamlMapping } from "~/content/front-matter";
import { checkYamlText, parsePolicy, type PhrasingPolicy } from "~/content/phrasing-policy";
import { generateContent } from "../../../bench/catalogue/generate";

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

// A policy that fires on words found in most files, so that problem lines are compared.
function busyPolicy(): PhrasingPolicy {
  const src = "forbidden:\n  - id: kehu\n    name: 客户\n    pattern: '客户|的'\n    reason: r\n    instead: i\nterms:\n  - use: X\n    insteadOf: [the, 课]\n";
  const r = parsePolicy("p.yaml", src);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}
const policy = busyPolicy();

function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [prefix, [...prefix, "missing"]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}
function describeMapping(r: YamlMapping) {
  return r.ok ? { json: JSON.stringify(r.data), lines: paths(r.data).map((p) => r.lineOf(p)) } : r;
}

function compare(text: string, startLine: number) {
  const chosen = readYaml(text);
  const library = readYaml(text, { library: true });
  expect(describeMapping(parseYamlMapping(chosen, startLine))).toEqual(describeMapping(parseYamlMapping(library, startLine)));
  expect(checkYamlText(policy, "f", chosen, startLine)).toEqual(checkYamlText(policy, "f", library, startLine));
  return chosen.simple !== null;
}

const generated = mkdtempSync(path.join(tmpdir(), "weike-yaml-"));
afterAll(() => rmSync(generated, { recursive: true, force: true }));

describe("front matter of real and generated lessons", () => {
  const folders = [
    ["content", "content/courses"],
    ["the catalogue bench", path.join(generateContent(path.join(generated, "content"), 30), "courses")],
  ] as const;
  it.each(folders)("%s: read by the strict reader, same result as the library", (_, dir) => {
    const files = filesUnder(dir, /\.md$/);
    expect(files.length).toBeGreaterThan(20);
    const declined: string[] = [];
    let problems = 0;
    for (const file of files) {
      const split = splitFrontMatter(readFileSync(file, "utf8"));
      if (!split.ok) throw new Error(`${file}: ${split.message}`);
      if (!compare(split.yamlText, split.yamlStartLine)) declined.push(file);
      problems += checkYamlText(policy, "f", split.yamlText, split.yamlStartLine).length;
    }
    expect(declined).toEqual([]);
    expect(problems).toBeGreaterThan(files.length);
  });
});

describe("the other YAML files of the content folder", () => {
  it.each(filesUnder("content", /\.ya?ml$/))("%s gives the library's result", (file) => {
    compare(readFileSync(file, "utf8"), 1);
  });
});
