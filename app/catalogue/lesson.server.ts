// The lesson player's data: the version of a course this visitor reads, cut into sections, plus the
// visitor's progress. Quiz answers never leave the server except in the trainers' handout.
import { isCourseStaff } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { splitSections, type Section } from "~/content/body";
import type { CourseFrontMatter } from "~/content/course-schema";
import { db } from "~/lib/db.server";
import { renderParts } from "./lesson-html.server";
import type { LessonRef } from "./progress.server";
import { visibleStatuses } from "./visibility";

const versionSelect = { id: true, version: true, body: true, sections: true, frontMatter: true } as const;

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
      currentVersion: { select: versionSelect },
      liveVersion: { select: versionSelect },
    },
  });
}

type Version = { id: number; version: number; body: string; sections: string; frontMatter: string };

/**
 * The version a trainee reads: the one they are part-way through, if it is older than the live
 * one (progress points at the version taken, decision 035), else the live version.
 */
async function traineeVersion(userId: number, courseId: number, live: Version | null): Promise<Version | null> {
  if (!live) return null;
  const taken = await db.courseProgress.findMany({
    where: { userId, courseId },
    select: { courseVersionId: true, completedAt: true },
    orderBy: { updatedAt: "desc" },
  });
  if (taken.some((p) => p.courseVersionId === live.id)) return live;
  const unfinished = taken.find((p) => !p.completedAt);
  if (!unfinished) return live;
  const older = await db.courseVersion.findUnique({ where: { id: unfinished.courseVersionId }, select: versionSelect });
  return older && older.version < live.version ? older : live;
}

/**
 * The course if this user may open it: staff read the newest synced version of any visible
 * state; trainees the library's version, or a retired course they started.
 */
export async function openCourse(user: SessionUser, slug: string) {
  const found = await findCourse(slug);
  if (!found?.currentVersion) return null;
  const { liveVersion, currentVersion, ...rest } = found;
  const staff = isCourseStaff(user);
  let version: Version | null;
  if (staff) {
    version = visibleStatuses(user.roles).includes(found.status) || found.status === "retired" ? currentVersion : null;
  } else {
    version = found.status === "retired" ? null : await traineeVersion(user.id, found.id, liveVersion);
    if (
      !version &&
      found.status === "retired" &&
      (await db.courseProgress.count({ where: { userId: user.id, courseId: found.id } })) > 0
    ) {
      version = liveVersion ?? currentVersion;
    }
  }
  if (!version) return null;
  // Trainees read the library's version: to them a course in the library is accepted, whatever
  // its newest file proposes.
  const status = staff || found.status === "retired" ? found.status : "accepted";
  const course = { ...rest, status, currentVersion: version };
  const fm = JSON.parse(version.frontMatter) as CourseFrontMatter;
  const sections = JSON.parse(version.sections) as Section[];
  // Each section's length sets the reading time it needs before it counts (progress-rules).
  const chars = Object.fromEntries(splitSections(version.body).sections.map((s) => [s.id, s.markdown.length]));
  const ref: LessonRef = { courseId: found.id, versionId: version.id, sections, chars };
  // A trainee reading an older version learns that the library holds a newer one.
  const newerVersion = !staff && liveVersion && liveVersion.version > version.version ? liveVersion.version : null;
  return { course, fm, ref, newerVersion };
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
    newerVersion: open.newerVersion,
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
