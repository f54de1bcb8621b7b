// Assigning courses and series to people and teams, the list with progress, and withdrawing.
import { writeAudit } from "~/admin/audit.server";
import { isHr, leadsTeams, type RoleHolder } from "~/auth/policy";
import { inLibraryWhere } from "~/catalogue/in-library";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { forbidden, invalid, invariant, notFound } from "~/lib/errors";
import { PAGE_SIZE } from "~/lib/pagination";
import { memberFacts } from "./completion.server";
import { isInLibrary } from "./library.server";
import { dueDayAllowed, standing, type MemberState } from "./rules";

type Actor = RoleHolder & { id: number };

export interface AssignInput {
  target: { kind: "course" | "series"; id: number };
  userIds: number[];
  teamIds: number[];
  dueDay: string;
  refreshMonths: number | null;
}

/** The teams a lead leads (none for anyone else). */
export async function ledTeamIds(userId: number): Promise<number[]> {
  const rows = await db.team.findMany({ where: { leads: { some: { id: userId } } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * HR assigns to anyone; a lead to the members of the teams they lead, and to nobody else. The
 * members are fixed now: whoever joins a team later is not on an earlier assignment.
 */
export async function createAssignment(
  actor: Actor,
  input: AssignInput,
  now = new Date(),
): Promise<{ id: number; people: number }> {
  invariant(isHr(actor) || leadsTeams(actor), forbidden());
  invariant(dueDayAllowed(input.dueDay, now), invalid({ dueDay: "assignments:err.pastDue" }));
  invariant(input.userIds.length + input.teamIds.length > 0, invalid({ people: "assignments:err.noPeople" }));
  const titled = { select: { titleZh: true, titleEn: true } } as const;
  let title: { titleZh: string; titleEn: string } | null;
  if (input.target.kind === "course") {
    invariant(await isInLibrary(input.target.id), invalid({ target: "assignments:err.notInLibrary" }));
    title = await db.course.findUnique({ where: { id: input.target.id }, ...titled });
  } else {
    title = await db.series.findFirst({ where: { id: input.target.id, retired: false }, ...titled });
    invariant(title, invalid({ target: "assignments:err.notInLibrary" }));
  }
  const led = isHr(actor) ? null : await ledTeamIds(actor.id);
  if (led)
    invariant(
      input.teamIds.every((id) => led.includes(id)),
      forbidden("assignments:err.otherTeam"),
    );
  const people = await db.user.findMany({
    where: {
      active: true,
      OR: [{ id: { in: input.userIds } }, { teamId: { in: input.teamIds } }],
    },
    select: { id: true, teamId: true },
  });
  const found = new Set(people.map((p) => p.id));
  invariant(
    input.userIds.every((id) => found.has(id)),
    invalid({ people: "assignments:err.unknownPerson" }),
  );
  if (led)
    invariant(
      people.every((p) => p.teamId !== null && led.includes(p.teamId)),
      forbidden("assignments:err.otherTeam"),
    );
  invariant(people.length > 0, invalid({ people: "assignments:err.noPeople" }));
  const teamId = input.teamIds.length === 1 && input.userIds.length === 0 ? input.teamIds[0]! : null;
  return db.$transaction(async (tx) => {
    const a = await tx.assignment.create({
      data: {
        courseId: input.target.kind === "course" ? input.target.id : null,
        seriesId: input.target.kind === "series" ? input.target.id : null,
        dueDay: input.dueDay,
        refreshMonths: input.refreshMonths,
        teamId,
        createdById: actor.id,
        createdAt: now,
        members: { create: people.map((p) => ({ userId: p.id })) },
      },
      select: { id: true },
    });
    await writeAudit(
      tx,
      actor.id,
      "assignment.create",
      null,
      { title: `${title?.titleZh} / ${title?.titleEn}`, due: input.dueDay, people: people.length },
      { kind: "assignment", id: a.id },
    );
    return { id: a.id, people: people.length };
  });
}

/** HR withdraws any assignment; a lead the ones they made. Audited; the records stay. */
export async function withdrawAssignment(actor: Actor, id: number, now = new Date()): Promise<void> {
  const a = await db.assignment.findUnique({ where: { id }, select: { createdById: true, withdrawnAt: true } });
  invariant(a, notFound());
  invariant(isHr(actor) || a.createdById === actor.id, forbidden());
  invariant(!a.withdrawnAt, invalid("assignments:err.withdrawn"));
  await db.$transaction(async (tx) => {
    await tx.assignment.update({ where: { id }, data: { withdrawnAt: now, withdrawnById: actor.id } });
    await writeAudit(tx, actor.id, "assignment.withdraw", null, {}, { kind: "assignment", id });
  });
}

/** One page of live assignments the actor may see, each with "x of y done". */
export async function listAssignments(actor: Actor, page: number, now = new Date()) {
  const led = isHr(actor) ? null : await ledTeamIds(actor.id);
  const teamMembers = led
    ? (await db.user.findMany({ where: { teamId: { in: led } }, select: { id: true } })).map((u) => u.id)
    : [];
  const where = led
    ? {
        withdrawnAt: null,
        OR: [
          { createdById: actor.id },
          { teamId: { in: led } },
          { members: { some: { userId: { in: teamMembers } } } },
        ],
      }
    : { withdrawnAt: null };
  const [total, rows] = await Promise.all([
    db.assignment.count({ where }),
    db.assignment.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        courseId: true,
        seriesId: true,
        dueDay: true,
        refreshMonths: true,
        createdById: true,
        createdAt: true,
      },
    }),
  ]);
  const [facts, { courses, series }] = await Promise.all([memberFacts(rows.map((r) => r.id)), targetsOf(rows)]);
  const today = localDay(now);
  return {
    total,
    rows: rows.map((r) => {
      const mine = facts.filter((f) => f.assignmentId === r.id);
      const states = mine.map((f) => standing({ ...f, dueDay: r.dueDay, refreshMonths: r.refreshMonths }, today).state);
      return {
        id: r.id,
        course: courses.find((c) => c.id === r.courseId) ?? null,
        series: series.find((s) => s.id === r.seriesId) ?? null,
        dueDay: r.dueDay,
        refreshMonths: r.refreshMonths,
        mayWithdraw: !led || r.createdById === actor.id,
        members: mine.length,
        done: states.filter((s) => s === "done").length,
        overdue: states.filter((s) => s === "overdue").length,
      };
    }),
  };
}

/** The courses and series that these assignments name, with what a list shows of them. */
async function targetsOf(rows: { courseId: number | null; seriesId: number | null }[]) {
  const shown = { id: true, slug: true, titleZh: true, titleEn: true } as const;
  const [courses, series] = await Promise.all([
    db.course.findMany({ where: { id: { in: rows.flatMap((r) => (r.courseId ? [r.courseId] : [])) } }, select: shown }),
    db.series.findMany({ where: { id: { in: rows.flatMap((r) => (r.seriesId ? [r.seriesId] : [])) } }, select: shown }),
  ]);
  return { courses, series };
}

/** A person's live assignments, soonest due first, for their home page. */
export async function assignmentsOf(userId: number, now = new Date()) {
  const rows = await db.assignment.findMany({
    where: { withdrawnAt: null, members: { some: { userId } } },
    select: { id: true, courseId: true, seriesId: true, dueDay: true, refreshMonths: true },
  });
  if (rows.length === 0) return [];
  const facts = (await memberFacts(rows.map((r) => r.id))).filter((f) => f.userId === userId);
  const { courses, series } = await targetsOf(rows);
  const today = localDay(now);
  return rows
    .map((r) => {
      const f = facts.find((x) => x.assignmentId === r.id);
      const s = standing(
        {
          dueDay: r.dueDay,
          refreshMonths: r.refreshMonths,
          lastCompletedAt: f?.lastCompletedAt ?? null,
          started: f?.started ?? false,
        },
        today,
      );
      const course = courses.find((c) => c.id === r.courseId);
      const ser = series.find((x) => x.id === r.seriesId);
      const title = course ?? ser ?? { titleZh: "", titleEn: "" };
      return {
        id: r.id,
        titleZh: title.titleZh,
        titleEn: title.titleEn,
        link: course ? `/courses/${course.slug}` : ser ? `/series/${ser.slug}` : "/courses",
        dueDay: s.dueDay,
        state: s.state as MemberState,
      };
    })
    .sort((a, b) => (a.state === "done" ? 1 : 0) - (b.state === "done" ? 1 : 0) || a.dueDay.localeCompare(b.dueDay));
}

/** What the assign form offers: library courses, live series, and the teams and people in reach. */
export async function assignOptions(actor: Actor) {
  const led = isHr(actor) ? null : await ledTeamIds(actor.id);
  const teamWhere = led ? { id: { in: led } } : {};
  const [courses, series, teams, people] = await Promise.all([
    db.course.findMany({
      where: inLibraryWhere,
      orderBy: { slug: "asc" },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.series.findMany({
      where: { retired: false },
      orderBy: { slug: "asc" },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.team.findMany({ where: teamWhere, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { active: true, teamId: led ? { in: led } : { not: null } },
      orderBy: [{ teamId: "asc" }, { name: "asc" }],
      take: 500,
      select: { id: true, name: true, employeeNo: true },
    }),
  ]);
  return { courses, series, teams, people };
}
