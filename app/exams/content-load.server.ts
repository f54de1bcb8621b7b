// Reads and validates the exam content (content/exams, content/faq). Read-only: the checker and
// the app both use it; the app keeps the result cached until a file changes.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { lineOfPath, parseYamlMapping } from "~/content/front-matter";
import { checkYamlText, type PhrasingPolicy } from "~/content/phrasing-policy";
import { loadPolicy, POLICY_FILE } from "~/content/policy.server";
import type { ContentProblem } from "~/content/problems";
import {
  bankSchema,
  faqCategorySchema,
  passageFileSchema,
  planSchema,
  scenarioCardSchema,
  scriptSchema,
  type DrillScript,
  type ExamPlan,
  type FaqCategory,
  type Passage,
  type QuestionBank,
  type ScenarioCard,
} from "./content";

export interface ExamContent {
  plan: ExamPlan | null;
  passages: Passage[];
  scripts: DrillScript[];
  banks: QuestionBank[];
  faq: FaqCategory[];
  /** Scenario cards for the one-on-one drill. */
  scenarios: ScenarioCard[];
  problems: ContentProblem[];
  /** Changes whenever any file changes; used as the cache key. */
  signature: string;
}

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** Every file the exam content is made of, in a stable order. */
export async function examContentFiles(contentDir: string) {
  const ex = path.join(contentDir, "exams");
  return {
    plan: path.join(ex, "plan.yaml"),
    passages: await yamlFiles(path.join(ex, "typing")),
    scripts: await yamlFiles(path.join(ex, "scripts")),
    banks: await yamlFiles(path.join(ex, "banks")),
    faq: await yamlFiles(path.join(contentDir, "faq")),
    scenarios: await yamlFiles(path.join(ex, "scenarios")),
  };
}

type Parsed<T> = { ok: true; data: T; text: string; file: string } | { ok: false };

async function parseFile<S extends z.ZodType>(
  file: string,
  schema: S,
  problems: ContentProblem[],
  policy: PhrasingPolicy | null,
): Promise<Parsed<z.infer<S>>> {
  const p = shown(file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    problems.push({ path: p, line: 1, message: "file: cannot be read (missing?)" });
    return { ok: false };
  }
  const parsed = parseYamlMapping(text, 1);
  if (!parsed.ok) {
    problems.push({ path: p, line: parsed.line, message: `file: ${parsed.message}` });
    return { ok: false };
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join(".");
      problems.push({
        path: p,
        line: parsed.lineOf(issue.path),
        message: field ? `${field}: ${issue.message}` : issue.message,
      });
    }
    return { ok: false };
  }
  // A file that breaks the phrasing policy is skipped like any other invalid file: a drill
  // never scores a reply against a forbidden fact, a passage never makes a trainee type one.
  const breaches = policy ? checkYamlText(policy, p, text) : [];
  if (breaches.length) {
    problems.push(...breaches);
    return { ok: false };
  }
  return { ok: true, data: result.data, text, file };
}

export async function loadExamContent(contentDir: string): Promise<ExamContent> {
  const files = await examContentFiles(contentDir);
  // The policy's own problems are reported by the course checker; here only its rules apply.
  const { policy } = await loadPolicy(contentDir);
  const problems: ContentProblem[] = [];
  const at = (file: string, text: string, p: PropertyKey[], message: string) =>
    problems.push({ path: shown(file), line: lineOfPath(text, 1, p), message });

  const passages: Passage[] = [];
  for (const f of files.passages) {
    const r = await parseFile(f, passageFileSchema, problems, policy);
    if (!r.ok) continue;
    r.data.passages.forEach((ps, i) => {
      if (passages.some((q) => q.id === ps.id))
        at(f, r.text, ["passages", i, "id"], `passages.${i}.id: passage id "${ps.id}" is used twice`);
      else passages.push(ps);
    });
  }
  if (files.passages.length === 0)
    problems.push({
      path: shown(path.join(contentDir, "exams/typing")),
      line: 1,
      message: "folder: no typing passages (exams/typing/*.yaml)",
    });

  const faq: FaqCategory[] = [];
  const shortcuts = new Map<string, string>();
  for (const f of files.faq) {
    const r = await parseFile(f, faqCategorySchema, problems, policy);
    if (!r.ok) continue;
    if (faq.some((c) => c.category === r.data.category)) {
      at(f, r.text, ["category"], `category: "${r.data.category}" is used by another file`);
      continue;
    }
    r.data.phrases.forEach((ph, i) => {
      const other = shortcuts.get(ph.shortcut);
      if (other)
        at(
          f,
          r.text,
          ["phrases", i, "shortcut"],
          `phrases.${i}.shortcut: "/${ph.shortcut}" is already used in ${other}`,
        );
      else shortcuts.set(ph.shortcut, shown(f));
    });
    faq.push(r.data);
  }

  const scripts: DrillScript[] = [];
  for (const f of files.scripts) {
    const r = await parseFile(f, scriptSchema, problems, policy);
    if (!r.ok) continue;
    let ok = true;
    r.data.messages.forEach((m, i) =>
      m.facts.forEach((fact, j) => {
        if (fact.phrase && !shortcuts.has(fact.phrase)) {
          ok = false;
          at(
            f,
            r.text,
            ["messages", i, "facts", j, "phrase"],
            `messages.${i}.facts.${j}.phrase: no quick phrase with shortcut "${fact.phrase}" in content/faq`,
          );
        }
      }),
    );
    if (scripts.some((s) => s.id === r.data.id)) {
      at(f, r.text, ["id"], `id: script id "${r.data.id}" is used twice`);
      ok = false;
    }
    if (ok) scripts.push(r.data);
  }

  const banks: QuestionBank[] = [];
  for (const f of files.banks) {
    const r = await parseFile(f, bankSchema, problems, policy);
    if (!r.ok) continue;
    if (banks.some((b) => b.id === r.data.id)) at(f, r.text, ["id"], `id: bank id "${r.data.id}" is used twice`);
    else banks.push(r.data);
  }

  const scenarios: ScenarioCard[] = [];
  for (const f of files.scenarios) {
    const r = await parseFile(f, scenarioCardSchema, problems, policy);
    if (!r.ok) continue;
    if (scenarios.some((c) => c.id === r.data.id))
      at(f, r.text, ["id"], `id: scenario card id "${r.data.id}" is used twice`);
    else scenarios.push(r.data);
  }

  let plan: ExamPlan | null = null;
  const pr = await parseFile(files.plan, planSchema, problems, policy);
  if (pr.ok) {
    let ok = true;
    pr.data.exams.forEach((e, i) => {
      const bad = (field: string, message: string) => {
        ok = false;
        at(files.plan, pr.text, ["exams", i, field], `exams.${i}.${field}: ${message}`);
      };
      if (e.kind === "quiz" && !banks.some((b) => b.id === e.bank))
        bad("bank", `no question bank "${e.bank}" in exams/banks`);
      if (e.kind === "response" && e.script && !scripts.some((s) => s.id === e.script))
        bad("script", `no drill script "${e.script}" in exams/scripts`);
      if (e.kind === "response" && scripts.length === 0) bad("kind", "no drill scripts in exams/scripts");
      if (e.kind === "typing" && !passages.some((p) => p.lang === e.lang))
        bad("lang", `no ${e.lang} typing passage in exams/typing`);
      if (e.kind === "drill" && scenarios.length === 0) bad("kind", "no scenario cards in exams/scenarios");
      if (e.kind === "quick-reply" && !faq.some((c) => c.phrases.some((p) => p.questions.length)))
        bad("kind", "no FAQ phrase has customer questions to draw from");
    });
    if (ok) plan = pr.data;
  }

  const signature = await signatureOf(examSignatureFiles(contentDir, files));
  return { plan, passages, scripts, banks, faq, scenarios, problems, signature };
}

/** The files whose change reloads the exam content: its own and the phrasing policy. */
export function examSignatureFiles(contentDir: string, files: Awaited<ReturnType<typeof examContentFiles>>): string[] {
  return [
    files.plan,
    ...files.passages,
    ...files.scripts,
    ...files.banks,
    ...files.faq,
    ...files.scenarios,
    path.join(contentDir, POLICY_FILE),
  ];
}

export async function signatureOf(files: string[]): Promise<string> {
  const parts = await Promise.all(
    files.map(async (f) => {
      try {
        const s = await stat(f);
        return `${f}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${f}:-`;
      }
    }),
  );
  return createHash("sha1").update(parts.join("|")).digest("hex");
}
