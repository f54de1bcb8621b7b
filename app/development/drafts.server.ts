// The drafts of a project: every synced version of its linked content files with the checks of
// THAT version, the side-by-side diff of two versions, and the reviewers' comments on sections.
// Lists select small fields only; a version's body is read when its checks are first needed or
// when it is one of the two versions being compared (both results then kept: a version never
// changes).
import { writeAudit } from "~/admin/audit.server";
import { canCloseComment, canCommentOnProject, canViewProject, type RoleHolder } from "~/auth/policy";
import { loadPolicy } from "~/content/policy.server";
import { db } from "~/lib/db.server";
import { contentDir } from "~/lib/env.server";
import { conflict, forbidden, invalid, invariant, notFound } from "~/lib/errors";
import { sideBySide, type SideBySide } from "./side-by-side";
import { isClosedStage, isStage } from "./stages";
import { checkStoredVersion, type VersionChecks } from "./version-checks";

type Actor = RoleHolder & { id: number };

// Checks per version and policy; bounded so a long-running server does not grow without end. The
// cache holds promises, so requests arriving together while a version is first checked wait for
// that one computation instead of each repeating it.
const MAX_CACHED = 5000;
const checkCache = new Map<string, Promise<VersionChecks>>();

function remember<T>(cache: Map<string, T>, max: number, key: string, value: T) {
  if (cache.size >= max) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

async function checksOf(versionIds: number[], sourcePath: (courseId: number) => string) {
  const { policy, signature } = await loadPolicy(contentDir());
  const missing = versionIds.filter((id) => !checkCache.has(`${id}:${signature}`));
  if (missing.length > 0) {
    // One read for every version not yet checked, bodies included.
    const read = db.courseVersion.findMany({
      where: { id: { in: missing } },
      select: { id: true, courseId: true, frontMatter: true, body: true },
    });
    for (const id of missing) {
      const key = `${id}:${signature}`;
      const checks = read.then((rows) => {
        const v = rows.find((r) => r.id === id);
        return v ? checkStoredVersion(sourcePath(v.courseId), v.frontMatter, v.body, policy) : null;
      });
      // A version that is gone, or a failed read, is not remembered.
      const kept = checks.then((c) => c ?? Promise.reject(new Error("no such version")));
      kept.catch(() => checkCache.delete(key));
      remember(checkCache, MAX_CACHED, key, kept);
    }
  }
  const out = new Map<number, VersionChecks>();
  await Promise.all(
    versionIds.map(async (id) => {
      const checks = await checkCache.get(`${id}:${signature}`)?.catch(() => null);
      if (checks) out.set(id, checks);
    }),
  );
  return out;
}

/** Every version of the project's courses, newest first, with its checks and open comments. */
export async function projectVersions<C extends { id: number; slug: string }>(
  projectId: number,
  courses: readonly C[],
) {
  if (courses.length === 0) return [];
  const ids = courses.map((c) => c.id);
  const [versions, open, paths] = await Promise.all([
    db.courseVersion.findMany({
      where: { courseId: { in: ids } },
      orderBy: [{ courseId: "asc" }, { version: "desc" }],
      select: { id: true, courseId: true, version: true, createdAt: true, sections: true },
    }),
    db.versionComment.groupBy({
      by: ["courseVersionId"],
      where: { projectId, doneAt: null },
      _count: { _all: true },
    }),
    db.course.findMany({ where: { id: { in: ids } }, select: { id: true, sourcePath: true, slug: true } }),
  ]);
  const pathOf = new Map(paths.map((p) => [p.id, p.sourcePath || `${p.slug}.md`]));
  const checks = await checksOf(
    versions.map((v) => v.id),
    (courseId) => pathOf.get(courseId) ?? "",
  );
  const openOf = new Map(open.map((o) => [o.courseVersionId, o._count._all]));
  return courses.map((c) => ({
    course: c,
    versions: versions
      .filter((v) => v.courseId === c.id)
      .map((v) => ({
        id: v.id,
        version: v.version,
        createdAt: v.createdAt,
        sections: sectionsOf(v.sections),
        checks: checks.get(v.id) ?? { content: [], phrasing: [] },
        openComments: openOf.get(v.id) ?? 0,
      })),
  }));
}

function sectionsOf(json: string): { id: string; title: string }[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((s): s is { id: string; title: string } => typeof s?.id === "string") : [];
  } catch {
    return [];
  }
}

// The diffs last asked for (most pages show the newest two versions of one course).
const MAX_DIFFS = 50;
const diffCache = new Map<string, Promise<SideBySide>>();

/** The side-by-side diff of versions `a` (left) and `b` (right) of one course. */
export async function versionDiff(courseId: number, a: number, b: number) {
  const ids = await db.courseVersion.findMany({
    where: { courseId, version: { in: [a, b] } },
    select: { id: true, version: true },
  });
  const left = ids.find((r) => r.version === a);
  const right = ids.find((r) => r.version === b);
  if (!left || !right) return null;
  // A stored version never changes, so the diff of two version ids is computed once.
  const key = `${left.id}:${right.id}`;
  let diff = diffCache.get(key);
  if (!diff) {
    diff = db.courseVersion
      .findMany({ where: { id: { in: [left.id, right.id] } }, select: { id: true, body: true } })
      .then((rows) => {
        const before = rows.find((r) => r.id === left.id)?.body ?? "";
        const after = rows.find((r) => r.id === right.id)?.body ?? "";
        return sideBySide(before, after);
      });
    diff.catch(() => diffCache.delete(key));
    remember(diffCache, MAX_DIFFS, key, diff);
  }
  return { a, b, ...(await diff) };
}

async function projectPeople(projectId: number) {
  const project = await db.courseProject.findUnique({
    where: { id: projectId },
    select: { title: true, stage: true, members: { select: { userId: true, role: true } } },
  });
  invariant(project, notFound("development:err.notFound"));
  return project;
}

/** A reviewer's comment on one section of one version of a linked course. */
export async function addComment(user: Actor, projectId: number, versionId: number, section: string, body: string) {
  const project = await projectPeople(projectId);
  invariant(canCommentOnProject(user, project), forbidden("development:err.notMember"));
  invariant(!isClosedStage(isStage(project.stage) ? project.stage : "drafting"), conflict("development:err.closed"));
  const version = await db.courseVersion.findFirst({
    where: { id: versionId, course: { projects: { some: { projectId } } } },
    select: { version: true, sections: true },
  });
  invariant(version, invalid({ versionId: "development:err.version" }));
  invariant(
    sectionsOf(version.sections).some((s) => s.id === section),
    invalid({ section: "development:err.section" }, { params: { section } }),
  );
  await db.$transaction(async (tx) => {
    const c = await tx.versionComment.create({
      data: { projectId, courseVersionId: versionId, section, body, authorId: user.id },
      select: { id: true },
    });
    const detail = { title: project.title, version: version.version, comment: c.id, section };
    await writeAudit(tx, user.id, "project.comment", null, detail, { id: projectId });
  });
}

/** Marks a comment done: its writer or an author of the project. */
export async function closeComment(user: Actor, projectId: number, commentId: number) {
  const project = await projectPeople(projectId);
  invariant(canViewProject(user, project), forbidden());
  await db.$transaction(async (tx) => {
    const c = await tx.versionComment.findFirst({
      where: { id: commentId, projectId },
      select: { authorId: true, doneAt: true, courseVersion: { select: { version: true } } },
    });
    invariant(c, notFound("development:err.comment"));
    invariant(canCloseComment(user, project, c), forbidden("development:err.notAuthor"));
    invariant(!c.doneAt, conflict("development:err.commentDone"));
    await tx.versionComment.update({
      where: { id: commentId },
      data: { doneAt: new Date(), doneById: user.id },
      select: { id: true },
    });
    const detail = { title: project.title, version: c.courseVersion.version, comment: commentId };
    await writeAudit(tx, user.id, "project.comment-done", c.authorId, detail, { id: projectId });
  });
}

/** The project's comments, open first then newest, with the section title of their version. */
export async function projectComments(projectId: number) {
  const rows = await db.versionComment.findMany({
    where: { projectId },
    orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      section: true,
      body: true,
      createdAt: true,
      doneAt: true,
      authorId: true,
      author: { select: { name: true } },
      doneBy: { select: { name: true } },
      courseVersion: { select: { id: true, version: true, sections: true, course: { select: { slug: true } } } },
    },
  });
  return rows.map(({ courseVersion: v, ...c }) => ({
    ...c,
    versionId: v.id,
    version: v.version,
    slug: v.course.slug,
    sectionTitle: sectionsOf(v.sections).find((s) => s.id === c.section)?.title ?? c.section,
  }));
}
