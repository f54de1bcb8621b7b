// Every checker that `npm run content:check` runs over a content folder. Each capability that
// owns files under content/ adds one entry; a checker reads only and reports problems.
import { loadContent } from "./load.server";
import type { ContentProblem } from "./problems";

export type ContentChecker = { name: string; check(dir: string): Promise<ContentProblem[]> };

export const CONTENT_CHECKERS: ContentChecker[] = [
  { name: "courses", check: async (dir) => (await loadContent(dir)).problems },
  { name: "exams", check: async (dir) => (await import("~/exams/content-check.server")).checkExamContent(dir) },
  // Decision 035: a file claiming `accepted` needs an acceptance record in the database.
  {
    name: "library",
    check: async (dir) => {
      const [{ claimsWithoutRecord }, { databaseUrl }] = await Promise.all([import("~/library/claims-check.server"), import("~/lib/env.server")]);
      const courses = (await loadContent(dir)).courses.flatMap((c) => (c.known ? [] : [c]));
      return claimsWithoutRecord(courses, databaseUrl());
    },
  },
  { name: "competency", check: async (dir) => (await import("~/competency/model.server")).checkModel(dir) },
];

export async function checkContent(dir: string): Promise<ContentProblem[]> {
  const all = await Promise.all(CONTENT_CHECKERS.map((c) => c.check(dir)));
  return all.flat();
}
