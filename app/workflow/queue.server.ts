// Reading requests: HR's queue with its counts, a requester's own list, one request in full.
import { leadsTeams, seesAllTraining } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { type Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { PAGE_SIZE } from "~/lib/pagination";
import type { QueueFilter } from "./schemas";
import { actorRoles, availableActions, isState, STATES, type RequestState } from "./state-machine";
import { canView, SIMPLE_ACTIONS } from "./transitions.server";

type Viewer = Pick<SessionUser, "id" | "roles">;

async function ledTeamIds(userId: number) {
  return (await db.team.findMany({ where: { leads: { some: { id: userId } } }, select: { id: true } })).map(
    (t) => t.id,
  );
}

/**
 * The requests a person may list: everything for HR; a lead's teams and their own otherwise.
 * Team ids are looked up first so the filter stays an indexed IN, not a subquery per row.
 */
async function scope(user: Viewer, mine: boolean): Promise<Prisma.TrainingRequestWhereInput> {
  if (mine || (!seesAllTraining(user) && !leadsTeams(user))) return { requesterId: user.id };
  if (seesAllTraining(user)) return {};
  const teams = await ledTeamIds(user.id);
  return teams.length ? { OR: [{ requesterId: user.id }, { teamId: { in: teams } }] } : { requesterId: user.id };
}

export async function listRequests(user: Viewer, filter: QueueFilter, page: number) {
  const base = await scope(user, filter.mine === "1");
  const where: Prisma.TrainingRequestWhereInput = {
    AND: [
      base,
      filter.state ? { state: filter.state } : {},
      filter.priority ? { priority: filter.priority } : {},
      filter.team ? { teamId: filter.team } : {},
    ],
  };
  const orderBy: Prisma.TrainingRequestOrderByWithRelationInput[] =
    filter.sort === "oldest"
      ? [{ createdAt: "asc" }, { id: "asc" }]
      : filter.sort === "newest"
        ? [{ createdAt: "desc" }, { id: "desc" }]
        : [{ priority: "desc" }, { createdAt: "asc" }, { id: "asc" }];
  // The per-state counts are grouped over the same filter minus the state, so the total is
  // read off them rather than counted again.
  const [rows, grouped] = await Promise.all([
    db.trainingRequest.findMany({
      where,
      orderBy,
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        state: true,
        priority: true,
        headcount: true,
        slotKind: true,
        delivery: true,
        createdAt: true,
        requester: { select: { name: true } },
        team: { select: { name: true } },
        course: { select: { titleZh: true, titleEn: true } },
        series: { select: { titleZh: true, titleEn: true } },
      },
    }),
    db.trainingRequest.groupBy({
      by: ["state"],
      where: {
        AND: [base, filter.priority ? { priority: filter.priority } : {}, filter.team ? { teamId: filter.team } : {}],
      },
      _count: { _all: true },
    }),
  ]);
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<RequestState, number>;
  for (const g of grouped) if (isState(g.state)) counts[g.state] = g._count._all;
  const total = filter.state ? counts[filter.state] : Object.values(counts).reduce((a, b) => a + b, 0);
  return { total, rows, counts };
}

/** Counts per state for HR's home panel, in one grouped query. */
export async function queueCounts() {
  const grouped = await db.trainingRequest.groupBy({ by: ["state"], _count: { _all: true } });
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<RequestState, number>;
  for (const g of grouped) if (isState(g.state)) counts[g.state] = g._count._all;
  return counts;
}

export async function teamRequests(userId: number, take = 8) {
  const teams = await ledTeamIds(userId);
  return db.trainingRequest.findMany({
    where: teams.length ? { OR: [{ requesterId: userId }, { teamId: { in: teams } }] } : { requesterId: userId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      state: true,
      createdAt: true,
      headcount: true,
      course: { select: { titleZh: true, titleEn: true } },
      series: { select: { titleZh: true, titleEn: true } },
    },
  });
}

export async function getRequestView(user: Viewer, id: number) {
  const r = await db.trainingRequest.findUnique({
    where: { id },
    select: {
      id: true,
      state: true,
      version: true,
      requesterId: true,
      trainerId: true,
      teamId: true,
      courseId: true,
      seriesId: true,
      delivery: true,
      slotKind: true,
      preferred: true,
      need: true,
      priority: true,
      headcount: true,
      lastReason: true,
      createdAt: true,
      requester: { select: { name: true, email: true } },
      team: { select: { name: true } },
      course: { select: { slug: true, titleZh: true, titleEn: true, durationMinutes: true } },
      series: { select: { slug: true, titleZh: true, titleEn: true } },
      attendees: { select: { userId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
      transitions: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          action: true,
          fromState: true,
          toState: true,
          comment: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
  if (!r || !(await canView(db, user, r))) return null;
  const sessions = await db.trainingSession.findMany({
    where: { requestId: id },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      room: true,
      onlineLink: true,
      status: true,
      trainer: { select: { id: true, name: true } },
      course: { select: { titleZh: true, titleEn: true } },
    },
  });
  const state = isState(r.state) ? r.state : "submitted";
  const roles = actorRoles(user, r);
  const actions = availableActions(state, roles);
  return {
    ...r,
    preferred: JSON.parse(r.preferred) as string[],
    sessions,
    actions: actions.filter((a) => SIMPLE_ACTIONS.includes(a)),
    canSchedule: actions.includes("schedule"),
    canResubmit: actions.includes("resubmit"),
    canDeliver: actions.includes("deliver"),
  };
}

const DAY_MS = 86_400_000;

export function listTeamOptions() {
  return db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The request list page: one page of rows, each with its age in whole days, and HR's team filter. */
export async function requestQueue(user: Viewer, filter: QueueFilter, page: number, now = new Date()) {
  const isHr = seesAllTraining(user);
  const [result, teams] = await Promise.all([
    listRequests(user, filter, page),
    isHr ? listTeamOptions() : Promise.resolve([]),
  ]);
  const rows = result.rows.map((r) => ({
    ...r,
    ageDays: Math.floor((now.getTime() - r.createdAt.getTime()) / DAY_MS),
  }));
  return { ...result, rows, teams, isHr };
}
