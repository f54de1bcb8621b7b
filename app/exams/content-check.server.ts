// The exam checker for `npm run content:check`: passages, drill scripts, question banks, the FAQ
// quick-reply library and the exam plan, with cross-references between them.
import type { ContentProblem } from "~/content/problems";
import { loadExamContent } from "./content-load.server";

export async function checkExamContent(dir: string): Promise<ContentProblem[]> {
  return (await loadExamContent(dir)).problems;
}
