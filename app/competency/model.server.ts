// Reads content/competency-model.yaml. The model is content, not code: a training manager edits
// the weights and targets; an invalid file is reported by `npm run content:check` and at use.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ContentProblem } from "~/content/problems";
import { contentDir } from "~/lib/env.server";
import { MODEL_FILE, parseModel, type CompetencyModel } from "./model";

const holder = globalThis as unknown as {
  __weikeCompetencyModel?: Map<string, { source: string; model: CompetencyModel }>;
};

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}

/** The problems of a folder's model file (none when the folder holds no model and no courses). */
export async function checkModel(dir: string): Promise<ContentProblem[]> {
  const file = path.join(dir, MODEL_FILE);
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch {
    return [];
  }
  const r = parseModel(shown(file), source);
  return r.ok ? [] : r.problems;
}

/** The model in force; re-parsed only when the file changes. Throws on an invalid file. */
export async function competencyModel(dir = contentDir()): Promise<CompetencyModel> {
  const file = path.join(dir, MODEL_FILE);
  const source = await readFile(file, "utf8");
  const cache = (holder.__weikeCompetencyModel ??= new Map());
  const hit = cache.get(dir);
  if (hit && hit.source === source) return hit.model;
  const r = parseModel(shown(file), source);
  if (!r.ok)
    throw new Error(
      `invalid competency model: ${r.problems.map((p) => `${p.path}:${p.line}: ${p.message}`).join("; ")}`,
    );
  cache.set(dir, { source, model: r.model });
  return r.model;
}
