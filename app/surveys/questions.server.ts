// Course-specific survey questions: content/surveys/<course-slug>.yml, or `surveyQuestions`
// in the course's front matter. The file wins when both exist. The front matter is read from the
// lesson file itself, because the catalogue stores only the fields it knows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
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
    const doc = parseYaml(text) as { questions?: unknown } | null;
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

function fromLessonFile(sourcePath: string | null | undefined): ExtraQuestion[] | null {
  if (!sourcePath || !sourcePath.endsWith(".md")) return null;
  try {
    // Stored relative to the content folder (older rows may hold a full path).
    const text = readFileSync(path.isAbsolute(sourcePath) ? sourcePath : path.join(contentDir(), sourcePath), "utf8");
    const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (block === undefined) return null;
    const doc = parseYaml(block) as { surveyQuestions?: unknown } | null;
    return doc?.surveyQuestions === undefined ? null : parseExtraQuestions(doc.surveyQuestions);
  } catch {
    return null;
  }
}

export function courseSurveyQuestions(
  course: { slug: string; frontMatter?: string | null; sourcePath?: string | null } | null,
): ExtraQuestion[] {
  if (!course) return [];
  return fromFile(course.slug) ?? fromLessonFile(course.sourcePath) ?? fromFrontMatter(course.frontMatter);
}
