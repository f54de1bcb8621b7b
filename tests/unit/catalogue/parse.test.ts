import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkBody, extractSections } from "~/content/body";
import { lineOfPath } from "~/content/front-matter";
import { loadContent } from "~/content/load.server";
import { MAX_FILE_BYTES, parseCourseFile, parseSeriesFile } from "~/content/parse";
import { formatProblem } from "~/content/problems";
import { CONTENT_CHECKERS } from "~/content/registry.server";
import { courseText } from "./content-fixtures";

const enc = (s: string) => new TextEncoder().encode(s);
const problemsOf = (text: string | Uint8Array) => {
  const r = parseCourseFile("c.md", typeof text === "string" ? enc(text) : text);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe("course front matter", () => {
  it("accepts a valid course and fills defaults", () => {
    const r = parseCourseFile("c.md", enc(courseText({ durationMinutes: "<omit>", trainers: "<omit>" })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.data.durationMinutes).toBe(60);
    expect(r.file.data.trainers).toEqual([]);
    expect(r.file.sections).toEqual([
      { id: "s1", title: "第一节" },
      { id: "s2", title: "第二节" },
    ]);
  });

  it("reports front matter that is not YAML with its line", () => {
    expect(problemsOf(courseText({ title: "{ zh: 示例, en: [unclosed" }))).toEqual([
      expect.stringMatching(/^c\.md:\d+: front matter: not valid YAML/),
    ]);
  });

  it("reports a file without front matter", () => {
    expect(problemsOf("# just markdown\n")).toEqual([
      "c.md:1: front matter: the file must start with a line containing only ---",
    ]);
  });

  it("names a missing field and a wrong-typed field", () => {
    const missing = problemsOf(courseText({ grade: "<omit>" }));
    expect(missing).toEqual([expect.stringMatching(/^c\.md:\d+: grade: is required$/)]);
    const wrong = problemsOf(courseText({ position: "first" }));
    expect(wrong).toEqual(["c.md:6: position: must be a whole number"]);
    expect(problemsOf(courseText({ durationMinutes: "45" }))).toEqual([
      "c.md:9: durationMinutes: must be 15, 30, 60, or between 120 and 180",
    ]);
  });

  it("rejects an unknown competency id on its line", () => {
    expect(problemsOf(courseText({ competencies: "\n  - communication\n  - mind-reading" }))).toEqual([
      expect.stringMatching(/^c\.md:10: competencies\.1: unknown competency id "mind-reading"/),
    ]);
  });

  it("rejects a quiz answer that is not among the choices, on the answer's line", () => {
    const text = courseText().replace(
      "      answer: [a]\n      explanation: 因为3",
      "      answer: [c]\n      explanation: 因为3",
    );
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("answer: [c]")) + 1;
    expect(problemsOf(text)).toEqual([`c.md:${line}: quiz.questions.2.answer: "c" is not among the choices (a, b)`]);
  });

  it("asks an accepted module for at least five questions and unique ids", () => {
    const few = courseText({
      quiz: "\n  questions:\n    - id: q1\n      prompt: p\n      choices: { a: x, b: y }\n      answer: a\n      explanation: e",
    });
    expect(problemsOf(few)).toEqual([
      expect.stringContaining("quiz.questions: an accepted module needs at least 5 quiz questions"),
    ]);
    const dup = courseText().replace("id: q2", "id: q1");
    expect(problemsOf(dup)).toEqual([expect.stringContaining('quiz.questions.1.id: question id "q1" is used twice')]);
  });

  it("rejects a file that is not UTF-8 and a file over the size limit", () => {
    const latin1 = Uint8Array.from([...enc("---\nslug: x\n"), 0xe9, 0xff, ...enc("\n---\n")]);
    expect(problemsOf(latin1)).toEqual(["c.md:3: file: not valid UTF-8 text; save the file as UTF-8"]);
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x61);
    expect(big.byteLength).toBeGreaterThan(MAX_FILE_BYTES);
    expect(problemsOf(big)).toEqual(["c.md:1: file: 5.0 MB is too large; the limit is 512 KB"]);
  });

  it("validates series files", () => {
    expect(
      parseSeriesFile(
        "s.md",
        enc(
          "---\nslug: s\ntitle: { zh: 系列, en: Series }\nsummary: { zh: 摘要, en: Summary }\nmerge: full-day\n---\n",
        ),
      ).ok,
    ).toBe(true);
    const r = parseSeriesFile(
      "s.md",
      enc("---\nslug: s\ntitle: { zh: 系列, en: Series }\nsummary: { zh: 摘要, en: Summary }\nmerge: weekly\n---\n"),
    );
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^s\.md:5: merge: must be one of none, half-day, full-day/),
    ]);
  });
});

describe("lesson body", () => {
  it("rejects HTML tags and script links, but not inside code", () => {
    const body =
      "## A\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n`<b>` is fine\n\n```\n<div>code</div>\n```\n<iframe src=x></iframe>\n";
    expect(checkBody(body, "c.md", 10).map(formatProblem)).toEqual([
      "c.md:11: body: HTML tag <script> is not allowed; write Markdown instead",
      "c.md:13: body: javascript: (or other script) links are not allowed",
      "c.md:20: body: HTML tag <iframe> is not allowed; write Markdown instead",
    ]);
    expect(checkBody("## A\nSee <https://example.com> and 1 < 2 > 0.\n", "c.md", 1)).toEqual([]);
  });

  it("does not take a ## inside a code block for a section", () => {
    expect(extractSections("## One\n```\n## not a section\n```\n## Two **bold**\n").map((s) => s.title)).toEqual([
      "One",
      "Two bold",
    ]);
  });
});

describe("line of a field", () => {
  const yamlText =
    "slug: a\nquiz:\n  questions:\n    - id: q1\n      answer: [a]\n    - id: q2\n      prompt: p\n      answer: [b]\nobjectives:\n  - one\n  - two";
  it("walks keys and list items", () => {
    expect(lineOfPath(yamlText, 2, ["quiz", "questions", 1, "answer"])).toBe(9);
    expect(lineOfPath(yamlText, 2, ["quiz", "questions", 0, "id"])).toBe(5);
    expect(lineOfPath(yamlText, 2, ["objectives", 1])).toBe(12);
    // A missing key points at the nearest existing parent.
    expect(lineOfPath(yamlText, 2, ["quiz", "questions", 0, "explanation"])).toBe(5);
  });

  it("finds a field deep in a long front matter with comments, block text and flow collections", () => {
    const deep = [
      "slug: a", // line 2 of the file
      "notes: |", // 3
      "  quiz:", // 4: text that looks like YAML, inside a block scalar
      "    questions:", // 5
      "      - answer: fake", // 6
      "", // 7
      "# quiz: a comment", // 8
      "quiz:", // 9
      "  questions:", // 10
      "    - { id: q1, answer: [a] }", // 11
      "    - id: q2", // 12
      "      prompt: >-", // 13
      "        answer: still prose", // 14
      "", // 15
      "      'answer':", // 16
      "        - b", // 17
      "        - c", // 18
      "    - id: q3", // 19
      "      answer: [d,", // 20: a flow list over two lines
      "        e]", // 21
    ].join("\n");
    expect(lineOfPath(deep, 2, ["quiz", "questions", 1, "answer", 1])).toBe(18);
    expect(lineOfPath(deep, 2, ["quiz", "questions", 1, "answer"])).toBe(16);
    expect(lineOfPath(deep, 2, ["quiz", "questions", 0, "answer"])).toBe(11);
    expect(lineOfPath(deep, 2, ["quiz", "questions", 1, "prompt"])).toBe(13);
    expect(lineOfPath(deep, 2, ["quiz", "questions", 2, "answer", 1])).toBe(21);
  });
});

describe("a content folder", () => {
  function folder(files: Record<string, string | Uint8Array>) {
    const dir = mkdtempSync(path.join(tmpdir(), "weike-content-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const series = "---\nslug: sample\ntitle: { zh: 系列, en: Series }\nsummary: { zh: 摘要, en: Summary }\n---\n";

  it("reports a duplicate slug and a position used twice, keeping the first file", async () => {
    const dir = folder({
      "courses/sample/series.md": series,
      "courses/sample/01-sample-course.md": courseText(),
      "courses/sample/02-other.md": courseText({ position: "2" }),
      "courses/sample/01-third.md": courseText({ slug: "third" }),
    });
    const tree = await loadContent(dir);
    expect(tree.courses.map((c) => c.data.slug)).toEqual(["sample-course"]);
    const lines = tree.problems.map((p) => `${path.basename(p.path)}:${p.line}: ${p.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^01-third\.md:6: position: 1 is used twice in series "sample"/),
      expect.stringMatching(
        /^02-other\.md:2: slug: duplicate slug "sample-course", already used by .*01-sample-course\.md$/,
      ),
    ]);
  });

  it("reports a position that does not match the file name and a wrong series", async () => {
    const dir = folder({
      "courses/sample/series.md": series,
      "courses/sample/03-sample-course.md": courseText(),
      "courses/sample/04-elsewhere.md": courseText({ slug: "elsewhere", position: "4", series: "other" }),
    });
    const tree = await loadContent(dir);
    expect(tree.courses).toEqual([]);
    expect(tree.problems.map((p) => p.message)).toEqual([
      "position: 1 does not match the file name prefix 03",
      'series: "other" must match the folder name "sample"',
    ]);
  });

  it("passes the real content folder", async () => {
    // The files themselves; whether their `accepted` claims are recorded depends on a database
    // (decision 035) and is tested with one in check-cli.test.ts.
    const fileCheckers = CONTENT_CHECKERS.filter((c) => c.name !== "library");
    expect(fileCheckers.map((c) => c.name)).toEqual(["courses", "exams", "competency"]);
    expect((await Promise.all(fileCheckers.map((c) => c.check("content")))).flat()).toEqual([]);
  });
});
