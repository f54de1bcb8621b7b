// Course development projects: start one, read it, move its stage, tick its milestones, link its
// content files. Every function takes the acting user and asks the named rules of
// app/auth/policy.ts; refusals are DomainErrors. Decision 034.
import { auditWords } from "~/admin/audit-text.server";
import { writeAudit } from "~/admin/audit.server";
import {
  canCommentOnProject,
  COURSE_PROJECT_ROLES,
  canLinkProjectCourse,
  canViewProject,
  runsCourseProjects,
  type RoleHolder,
} from "~/auth/policy";
import { localDay } from "~/lib/clock";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, invariant, notFound } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locale";
import { PAGE_SIZE } from "~/lib/pagination";
import type { ProjectInput } from "./schemas";
import { canMoveStage, isClosedStage, isStage, nextStages, type ProjectStage } from "./stages";
import { isAuthorRole, nextMilestone, type MemberRole } from "./team";

type Actor = RoleHolder & { id: number };

export async function teamCandidates() {
  return db.user.findMany({
    where: { active: true, roles: { some: { role: { in: [...COURSE_PROJECT_ROLES] } } } },
    select: { id: true, name: true, employeeNo: true },
    orderBy: { name: "asc" },
  });
}

export async function projectOwners() {
  return db.user.findMany({
    where: { projectsOwned: { some: {} } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export interface ProjectFilter {
  stage?: ProjectStage;
  owner?: number;
}

/** One page of the projects the user may see, newest first. */
export async function listProjects(user: Actor, filter: ProjectFilter, page: number) {
  const where = {
    ...(runsCourseProjects(user) ? {} : { members: { some: { userId: user.id } } }),
    ...(filter.stage ? { stage: filter.stage } : {}),
    ...(filter.owner ? { ownerId: filter.owner } : {}),
  };
  const [total, rows] = await Promise.all([
    db.courseProject.count({ where }),
    db.courseProject.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        stage: true,
        format: true,
        updatedAt: true,
        owner: { select: { name: true } },
        milestones: { select: { kind: true, label: true, dueOn: true, doneAt: true } },
        _count: { select: { members: true, courses: true } },
      },
    }),
  ]);
  const today = localDay(new Date());
  return {
    total,
    rows: rows.map(({ milestones, ...r }) => ({ ...r, next: nextMilestone(milestones, today) })),
  };
}

/** Starts a project with its team and milestones; returns its id. */
export async function createProject(user: Actor, input: ProjectInput): Promise<number> {
  invariant(runsCourseProjects(user), forbidden());
  const ids = input.members.map((m) => m.userId);
  const found = await db.user.count({
    where: { id: { in: ids }, active: true, roles: { some: { role: { in: [...COURSE_PROJECT_ROLES] } } } },
  });
  invariant(found === ids.length, invalid({ members: "development:err.memberRole" }));
  return db.$transaction(async (tx) => {
    const project = await tx.courseProject.create({
      data: {
        title: input.title,
        need: input.need,
        needRef: input.needRef ?? null,
        sourceTitle: input.sourceTitle,
        sourceSupplier: input.sourceSupplier,
        sourceNotes: input.sourceNotes,
        format: input.format,
        ownerId: user.id,
        members: { create: input.members.map((m) => ({ userId: m.userId, role: m.role })) },
        milestones: { create: input.milestones },
      },
      select: { id: true },
    });
    await writeAudit(tx, user.id, "project.create", null, { title: input.title }, { id: project.id });
    return project.id;
  });
}

const projectSelect = {
  id: true,
  title: true,
  need: true,
  needRef: true,
  sourceTitle: true,
  sourceSupplier: true,
  sourceNotes: true,
  format: true,
  stage: true,
  createdAt: true,
  owner: { select: { id: true, name: true } },
  members: { select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { userId: "asc" } },
  milestones: { select: { id: true, kind: true, label: true, dueOn: true, doneAt: true }, orderBy: { dueOn: "asc" } },
  courses: {
    select: { course: { select: { id: true, slug: true, titleZh: true, titleEn: true, status: true } } },
    orderBy: { addedAt: "asc" },
  },
} as const;

async function loadProject(id: number) {
  const project = await db.courseProject.findUnique({ where: { id }, select: projectSelect });
  invariant(project, notFound("development:err.notFound"));
  return project;
}

/** A project as its page shows it, with what the viewer may do on it. */
export async function getProject(user: Actor, id: number) {
  const project = await loadProject(id);
  invariant(canViewProject(user, project), forbidden());
  const stage = isStage(project.stage) ? project.stage : "drafting";
  const manages = runsCourseProjects(user);
  const closed = isClosedStage(stage);
  return {
    ...project,
    stage,
    members: project.members.map((m) => ({ ...m, role: m.role as MemberRole })),
    courses: project.courses.map((c) => c.course),
    next: nextMilestone(project.milestones, localDay(new Date())),
    may: {
      manage: manages,
      stages: manages ? nextStages(stage) : [],
      link: !closed && canLinkProjectCourse(user, project),
      comment: !closed && canCommentOnProject(user, project),
      isAuthor: project.members.some((m) => m.userId === user.id && isAuthorRole(m.role)),
    },
  };
}
export type ProjectView = Awaited<ReturnType<typeof getProject>>;

/**
 * Moves a project to a stage, audited. For any code that decides a stage: HR by hand here, and
 * later the trial-lecture and acceptance records. Refuses a move the stage list does not allow.
 */
export async function setProjectStage(tx: Tx, projectId: number, stage: ProjectStage, actorId: number | null) {
  const project = await tx.courseProject.findUnique({ where: { id: projectId }, select: { stage: true, title: true } });
  invariant(project, notFound("development:err.notFound"));
  const from = isStage(project.stage) ? project.stage : "drafting";
  invariant(canMoveStage(from, stage), conflict("development:err.stageMove", { params: { from, to: stage } }));
  await tx.courseProject.update({ where: { id: projectId }, data: { stage }, select: { id: true } });
  await writeAudit(tx, actorId, "project.stage", null, { title: project.title, from, stage }, { id: projectId });
}

export async function moveProjectStage(user: Actor, id: number, stage: ProjectStage) {
  invariant(runsCourseProjects(user), forbidden());
  await db.$transaction((tx) => setProjectStage(tx, id, stage, user.id));
}

export async function completeMilestone(user: Actor, id: number, milestoneId: number) {
  invariant(runsCourseProjects(user), forbidden());
  await db.$transaction(async (tx) => {
    const m = await tx.projectMilestone.findFirst({
      where: { id: milestoneId, projectId: id },
      select: { kind: true, label: true, doneAt: true, project: { select: { title: true } } },
    });
    invariant(m, notFound("development:err.milestone"));
    invariant(!m.doneAt, conflict("development:err.milestoneDone"));
    await tx.projectMilestone.update({
      where: { id: milestoneId },
      data: { doneAt: new Date() },
      select: { id: true },
    });
    const name = m.label || m.kind;
    await writeAudit(tx, user.id, "project.milestone", null, { title: m.project.title, name }, { id });
  });
}

/** Links a content file, by its course slug, to the project. */
export async function linkCourse(user: Actor, id: number, slug: string) {
  const project = await loadProject(id);
  invariant(canViewProject(user, project) && canLinkProjectCourse(user, project), forbidden());
  invariant(!isClosedStage(isStage(project.stage) ? project.stage : "drafting"), conflict("development:err.closed"));
  const course = await db.course.findUnique({ where: { slug }, select: { id: true } });
  invariant(course, invalid({ slug: "development:err.unknownSlug" }, { params: { slug } }));
  invariant(
    !project.courses.some((c) => c.course.id === course.id),
    conflict("development:err.linkedTwice", { field: "slug", params: { slug } }),
  );
  await db.$transaction(async (tx) => {
    await tx.projectCourse.create({ data: { projectId: id, courseId: course.id }, select: { projectId: true } });
    await writeAudit(tx, user.id, "project.course", null, { title: project.title, name: slug }, { id });
  });
}

/** The project's own history: its audit entries, newest first, in the reader's language. */
export async function projectHistory(id: number, locale: Locale) {
  const rows = await db.auditLog.findMany({
    where: { objectKind: "project", objectId: id },
    orderBy: { id: "desc" },
    take: 100,
    select: {
      id: true,
      action: true,
      detail: true,
      objectKind: true,
      objectId: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
      subject: { select: { id: true, name: true } },
    },
  });
  const words = await auditWords(locale);
  return rows.map((r) => {
    const line = words(r);
    return { id: line.id, at: line.at, sentence: line.sentence };
  });
}
