// The drafts of a project: every synced version of its linked content files with the checks of
// THAT version, the side-by-side diff of two versions, and the reviewers' comments on sections.
// Lists select small fields only; a version's body is read when its checks are first needed
// (then kept: a version never changes) or when it is one of the two versions being compared.
import { writeAudit } from "~/admin/audit.server";
import { canCloseComment, canCommentOnProject, canViewProject, type RoleHolder } from "~/auth/policy";
import { loadPolicy } from "~/content/policy.server";
import { db } from "~/lib/db.server";
import { contentDir } from "~/lib/env.server";
import { conflict, forbidden, invalid, invariant, notFound } from "~/lib/errors";
import { sideBySide } from "./side-by-side";
import { isClosedStage, isStage } from "./stages";
import { checkStoredVersion, type VersionChecks } from "./version-checks";

type Actor = RoleHolder & { id: number };

// Checks per version and policy; bounded so a long-running server does not grow without end.
const MAX_CACHED = 5000;
const checkCache = new Map<string, VersionChecks>();

async function checksOf(versionIds: number[], sourcePath: (courseId: number) => string) {
  const { policy, signature } = await loadPolicy(contentDir());
  const out = new Map<number, VersionChecks>();
  const missing = versionIds.filter((id) => {
    const hit = checkCache.get(`${id}:${signature}`);
    if (hit) out.set(id, hit);
    return !hit;
  });
  for (const id of missing) {
    const v = await db.courseVersion.findUnique({
      where: { id },
      select: { courseId: true, frontMatter: true, body: true },
    });
    if (!v) continue;
    const checks = checkStoredVersion(sourcePath(v.courseId), v.frontMatter, v.body, policy);
    if (checkCache.size >= MAX_CACHED) checkCache.delete(checkCache.keys().next().value!);
    checkCache.set(`${id}:${signature}`, checks);
    out.set(id, checks);
  }
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

/** The side-by-side diff of versions `a` (left) and `b` (right) of one course. */
export async function versionDiff(courseId: number, a: number, b: number) {
  const rows = await db.courseVersion.findMany({
    where: { courseId, version: { in: [a, b] } },
    select: { version: true, body: true },
  });
  const left = rows.find((r) => r.version === a);
  const right = rows.find((r) => r.version === b);
  if (!left || !right) return null;
  return { a, b, ...sideBySide(left.body, right.body) };
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
