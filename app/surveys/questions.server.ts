// Course-specific survey questions: content/surveys/<course-slug>.yml, or `surveyQuestions`
// in the course's front matter. The file wins when both exist.
import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { contentDir } from "~/lib/env.server";
import { parseExtraQuestions, type ExtraQuestion } from "./instrument";

function fromFile(slug: string): ExtraQuestion[] | null {
  if (!/^[a-z0-9-]+$/.test(slug)) return null;
  let text: string;
  try {
    text = readFileSync(path.join(contentDir(), "surveys", `${slug}.yml`), "utf8");
  } catch {
    return null;
  }
  try {
    const doc = yaml.load(text) as { questions?: unknown } | null;
    return parseExtraQuestions(doc?.questions ?? []);
  } catch {
    return [];
  }
}

function fromFrontMatter(frontMatter: string | null | undefined): ExtraQuestion[] {
  if (!frontMatter) return [];
  try {
    return parseExtraQuestions((JSON.parse(frontMatter) as { surveyQuestions?: unknown }).surveyQuestions ?? []);
  } catch {
    return [];
  }
}

export function courseSurveyQuestions(course: { slug: string; frontMatter?: string | null } | null): ExtraQuestion[] {
  if (!course) return [];
  return fromFile(course.slug) ?? fromFrontMatter(course.frontMatter);
}
