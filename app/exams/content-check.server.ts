// The exam checker for `npm run content:check`: passages, drill scripts, question banks, the FAQ
// quick-reply library and the exam plan, with cross-references between them.
import { existsSync } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "~/content/problems";
import { loadExamContent } from "./content-load.server";

export async function checkExamContent(dir: string): Promise<ContentProblem[]> {
  // A folder that holds no exam content at all (say, a lone course being reviewed) has nothing
  // for this checker to judge; once either folder exists, the whole set must be complete.
  if (!existsSync(path.join(dir, "exams")) && !existsSync(path.join(dir, "faq"))) return [];
  return (await loadExamContent(dir)).problems;
}
