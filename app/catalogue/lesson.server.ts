// The lesson player's data: the current version of a course, cut into sections, plus the
// visitor's progress. Quiz answers never leave the server except in the trainers' handout.
import { isCourseStaff } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { splitSections, type Section } from "~/content/body";
import type { CourseFrontMatter } from "~/content/course-schema";
import { db } from "~/lib/db.server";
import { renderParts } from "./lesson-html.server";
import type { LessonRef } from "./progress.server";
import { visibleStatuses } from "./visibility";

async function findCourse(slug: string) {
  return db.course.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      titleZh: true,
      titleEn: true,
      summaryZh: true,
      summaryEn: true,
      durationMinutes: true,
      area: true,
      grade: true,
      position: true,
      series: { select: { slug: true, titleZh: true, titleEn: true } },
      currentVersion: { select: { id: true, version: true, body: true, sections: true, frontMatter: true } },
    },
  });
}

/** The course if this user may open it: visible states, or a retired course they started. */
export async function openCourse(user: SessionUser, slug: string) {
  const course = await findCourse(slug);
  if (!course?.currentVersion) return null;
  if (!visibleStatuses(user.roles).includes(course.status)) {
    const started =
      course.status === "retired" &&
      (await db.courseProgress.count({ where: { userId: user.id, courseId: course.id } })) > 0;
    if (!started && !(course.status === "retired" && isCourseStaff(user))) return null;
  }
  const fm = JSON.parse(course.currentVersion.frontMatter) as CourseFrontMatter;
  const sections = JSON.parse(course.currentVersion.sections) as Section[];
  // Each section's length sets the reading time it needs before it counts (progress-rules).
  const chars = Object.fromEntries(
    splitSections(course.currentVersion.body).sections.map((s) => [s.id, s.markdown.length]),
  );
  const ref: LessonRef = { courseId: course.id, versionId: course.currentVersion.id, sections, chars };
  return { course, fm, ref };
}

export type OpenCourse = NonNullable<Awaited<ReturnType<typeof openCourse>>>;

/** What the player shows; `withAnswers` only for the handout. */
export function lessonView(open: OpenCourse, withAnswers = false) {
  const { course, fm } = open;
  const { intro, sections } = splitSections(course.currentVersion!.body);
  const [introHtml, ...sectionHtml] = renderParts(course.currentVersion!.id, [
    intro,
    ...sections.map((s) => s.markdown),
  ]);
  return {
    id: course.id,
    slug: course.slug,
    status: course.status,
    title: { zh: course.titleZh, en: course.titleEn },
    summary: { zh: course.summaryZh, en: course.summaryEn },
    durationMinutes: course.durationMinutes,
    area: course.area,
    grade: course.grade,
    position: course.position,
    series: course.series,
    version: course.currentVersion!.version,
    versionId: course.currentVersion!.id,
    objectives: fm.objectives,
    trainers: fm.trainers,
    introHtml,
    sections: sections.map((s, i) => ({ id: s.id, title: s.title, html: sectionHtml[i] ?? "" })),
    quiz: {
      passMark: fm.quiz.passMark,
      questions: fm.quiz.questions.map((q) => ({
        id: q.id,
        prompt: q.prompt,
        choices: Object.entries(q.choices).map(([key, text]) => ({ key, text })),
        multiple: q.answer.length > 1,
        ...(withAnswers ? { answer: q.answer, explanation: q.explanation } : {}),
      })),
    },
  };
}
