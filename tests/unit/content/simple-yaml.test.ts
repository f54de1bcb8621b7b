// The strict front-matter reader must give exactly what the `yaml` library gives: the same data,
// the same line for every field, the same phrasing problems. Each rule is shown from both sides:
// text it reads itself, and text it declines (left to the library, with the same result).
import { describe, expect, it } from "vitest";
import { parseYamlMapping, readYaml, type YamlMapping } from "~/content/front-matter";
import { checkYamlText, parsePolicy, type PhrasingPolicy } from "~/content/phrasing-policy";
import { parseSimpleYaml } from "~/content/simple-yaml";

// Flags text found all over the lessons, so that line numbers of problems are compared too.
function testPolicy(): PhrasingPolicy {
  const src = [
    "forbidden:",
    "  - id: kehu",
    "    name: 客户",
    "    pattern: '客户'",
    "    reason: r",
    "    instead: i",
    "terms:",
    "  - use: X",
    "    insteadOf: [the, 保证]",
    "",
  ].join("\n");
  const r = parsePolicy("p.yaml", src);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}
const policy = testPolicy();

/** Every path into the data, plus one that goes past its end. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [prefix, [...prefix, "missing"], [...prefix, 99]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function describeMapping(r: YamlMapping) {
  if (!r.ok) return r;
  return { ok: true, json: JSON.stringify(r.data), lines: paths(r.data).map((p) => [p.map(String).join("."), r.lineOf(p)]) };
}

/** Asserts that the strict reader (when it reads the text) and the library agree in everything. */
export function expectSameAsLibrary(text: string, startLine = 2) {
  const library = readYaml(text, { library: true });
  const chosen = readYaml(text);
  expect(describeMapping(parseYamlMapping(chosen, startLine))).toEqual(describeMapping(parseYamlMapping(library, startLine)));
  expect(checkYamlText(policy, "f.md", chosen, startLine)).toEqual(checkYamlText(policy, "f.md", library, startLine));
}

const reads = (text: string) => parseSimpleYaml(text) !== null;

describe("text the strict reader reads itself, exactly as the library does", () => {
  const accepted: [string, string][] = [
    ["Chinese plain values", "slug: a\ntitle: 大促人员预估与排班\nsummary: 先倾听客户，再回答：用“接待客服数”。\n"],
    ["a flow mapping with a quoted value holding a colon and a comma", 'title: { zh: 抓开场, en: "The Opening: Winning, First 30 Seconds" }'],
    ["a flow list", "competencies: [communication, understand-needs]\nanswer: [a, c, d]\nempty: []\nnone: {}"],
    ["a block list of text", "objectives:\n  - 说出本课的要点\n  - 在模拟通话中运用所学\n"],
    ["a list at its key's own indent", "objectives:\n- 一\n- 二\nnext: 三"],
    [
      "a list of mappings with nested mappings",
      "quiz:\n  passMark: 80\n  questions:\n    - id: q1\n      prompt: 第1题：下列哪项正确？\n      choices:\n        a: 先倾听客户\n        b: the 打断客户\n      answer: [a]\n      explanation: 先倾听。\n    - id: q2\n      badExample: true\n      choices: { a: 保证到货, b: 客户 }\n      answer: b\n",
    ],
    ["a dash on its own line before a mapping", "items:\n  -\n    id: q1\n    text: 客户\n  - id: q2\n"],
    ["numbers, booleans and empty values", "position: 3\ndurationMinutes: 0060\nbadExample: true\nother: False\nnothing:\ntilde: ~\nnull1: NULL\n"],
    ["words the core schema keeps as text", "a: yes\nb: on\nc: 3个步骤\nd: 12:30\ne: https://example.com/a?b=c\nf: 客户#1\n"],
    ["double-quoted text with indicators inside", 'a: "# not a comment: 客户, [x]"\nb: "- 客户"\nc: ""\n'],
    ["comment lines and blank lines", "# head\nslug: a\n\n  # indented comment\ntitle: 客户\n\n"],
    ["a plain value with quotes and brackets inside", "a: say \"hi\" to the 客户 [now]\nb: it's {fine}\n"],
  ];
  it.each(accepted)("%s", (_, text) => {
    expect(reads(text)).toBe(true);
    expectSameAsLibrary(text);
  });
});

describe("text the strict reader leaves to the library, with the same result", () => {
  const declined: [string, string][] = [
    ["a multi-line plain value", "summary: 第一行\n  第二行 客户\nnext: x"],
    ["a multi-line value in a list", "objectives:\n  - 一行\n    续行\n"],
    ["a block scalar", "body: |\n  客户\n  the end\n"],
    ["a folded scalar", "body: >-\n  客户\n  the end\n"],
    ["a single-quoted value", "a: 'it''s 客户'\n"],
    ["an escape in double quotes", 'a: "客户\\n第二行"\n'],
    ["a double-quoted value over two lines", 'a: "客户\n  第二行"\n'],
    ["an anchor and an alias", "a: &x 客户\nb: *x\n"],
    ["a tag", "a: !!str 3\n"],
    ["a comment after a value", "a: 客户 # note\n"],
    ["a tab", "a:\tb\n"],
    ["a carriage return", "a: b\r\nc: d\r\n"],
    ["a negative number", "position: -1\n"],
    ["a hexadecimal number", "position: 0x1F\n"],
    ["a float", "passMark: 1.5\n"],
    ["an exponent", "passMark: 1e3\n"],
    ["infinity", "passMark: .inf\n"],
    ["a date", "on: 2026-11-30\n"],
    ["a huge integer", "n: 12345678901234567890\n"],
    ["a quoted key", '"a": b\n'],
    ["a key with a space before the colon", "a : b\n"],
    ["a key written as a number", "1: b\n"],
    ["a key the core schema reads as a boolean", "true: b\n"],
    ["a duplicate key", "a: 1\nb: 2\na: 3\n"],
    ["a nested flow collection", "a: { b: [c, d] }\n"],
    ["a flow collection over two lines", "a: [b,\n  c]\n"],
    ["a trailing comma in a flow list", "a: [b, c, ]\n"],
    ["a colon in a flow value", "a: { b: 9:00 }\n"],
    ["a list as the whole text", "- a\n- b\n"],
    ["nothing but comments", "# only\n"],
    ["a document marker", "a: b\n---\nc: d\n"],
    ["a directive", "%YAML 1.1\n---\na: yes\n"],
    ["a value that is not a mapping key", "a:b\n"],
    ["a nested list on the dash line", "a:\n  - - b\n"],
    ["an empty list item", "a:\n  -\n  - b\n"],
    ["a deeper line after a nested block", "a:\n    b: 1\n  c: 2\n"],
    ["a mapping in a compact list item that is then mis-indented", "a:\n  - b: 1\n     c: 2\n"],
    ["a value ending in a colon", "a: b:\n"],
  ];
  it.each(declined)("%s", (_, text) => {
    expect(reads(text)).toBe(false);
    expectSameAsLibrary(text);
  });

  it("keeps the library's error and its line", () => {
    const r = parseYamlMapping("slug: a\ntitle: x\nslug: b\n", 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBe(4);
  });
});
