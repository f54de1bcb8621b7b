// Opening, closing and listing needs-survey rounds (decision 033). Who is invited is decided
// once, when the round opens: the invite rows keep each person's team and audience, so counts
// and per-team results do not move when people change team afterwards.
import { writeAudit } from "~/admin/audit.server";
import { runsNeedsSurvey } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { inLibraryWhere } from "~/catalogue/in-library";
import { COMPETENCY_IDS, type CompetencyId } from "~/content/competencies";
import { dayBounds, localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { conflict, forbidden, invalid, invariant, notFound } from "~/lib/errors";
import { PAGE_SIZE } from "~/lib/pagination";
import type { OpenRoundInput } from "./schemas";
import {
  freeTopics,
  inAudience,
  isOpen,
  MAX_FREE_TOPICS,
  MAX_TOPIC_LENGTH,
  MAX_TOPICS,
  MIN_TOPICS,
  type Audience,
  type TeamKind,
} from "./scoring";

/** How many competencies the form suggests as the catalogue's gaps. */
export const GAP_COUNT = 3;

/** Library courses per competency: the rule of app/catalogue/in-library.ts, counted over each course's list. */
export async function acceptedCoursesPerCompetency(): Promise<Record<CompetencyId, number>> {
  const rows = await db.course.findMany({ where: inLibraryWhere, select: { competencies: true } });
  const counts = Object.fromEntries(COMPETENCY_IDS.map((id) => [id, 0])) as Record<CompetencyId, number>;
  for (const r of rows)
    for (const id of new Set(competencyList(r.competencies))) if (id in counts) counts[id as CompetencyId]++;
  return counts;
}

function competencyList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** The competencies with the fewest library courses (ties in the model's order). */
export function gapsOf(counts: Record<CompetencyId, number>): CompetencyId[] {
  return [...COMPETENCY_IDS]
    .sort((a, b) => counts[a] - counts[b] || COMPETENCY_IDS.indexOf(a) - COMPETENCY_IDS.indexOf(b))
    .slice(0, GAP_COUNT);
}

async function pendingProposals() {
  const rows = await db.needsProposal.findMany({
    where: { roundId: null },
    orderBy: { id: "asc" },
    select: { id: true, teamId: true, competency: true },
  });
  const teams = await db.team.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.teamId))] } },
    select: { id: true, name: true },
  });
  const name = new Map(teams.map((t) => [t.id, t.name]));
  return rows.map((r) => ({ ...r, team: name.get(r.teamId) ?? `#${r.teamId}` }));
}

/** What the "open a round" form shows: every competency, its course count, gaps, proposals. */
export async function openRoundOptions(now = new Date()) {
  const [counts, proposals] = await Promise.all([acceptedCoursesPerCompetency(), pendingProposals()]);
  const gaps = gapsOf(counts);
  const competencies = COMPETENCY_IDS.map((id) => {
    const teams = [...new Set(proposals.filter((p) => p.competency === id).map((p) => p.team))];
    return { id, courses: counts[id], gap: gaps.includes(id), proposedBy: teams, ticked: teams.length > 0 };
  });
  const today = localDay(now);
  return { competencies, pending: proposals.length, year: Number(today.slice(0, 4)) + 1, today };
}

/** The people a round of that audience invites: active trainees and leads, by their team's kind. */
async function invitees(audience: Audience) {
  const people = await db.user.findMany({
    where: { active: true, roles: { some: { role: { in: ["TRAINEE", "LEAD"] } } } },
    select: { id: true, teamId: true },
    orderBy: { id: "asc" },
  });
  const kinds = new Map(
    (await db.teamAudience.findMany({ select: { teamId: true, kind: true } })).map((k) => [k.teamId, k.kind]),
  );
  const kindOf = (teamId: number | null): TeamKind | "none" =>
    teamId === null ? "none" : kinds.get(teamId) === "back" ? "back" : "front";
  return people
    .map((p) => ({ userId: p.id, teamId: p.teamId, audience: kindOf(p.teamId) }))
    .filter((p) => inAudience(audience, p.audience));
}

/**
 * Opens a round: topics from the ticked competencies (marked as gap or proposal where they are
 * one) and the free-text lines; snapshots the invitees; consumes every pending proposal, ticked or
 * not, because HR has now seen it. Audited.
 */
export async function openRound(user: SessionUser, input: OpenRoundInput, now = new Date()) {
  invariant(runsNeedsSurvey(user), forbidden());
  const bounds = dayBounds(input.closesOn);
  invariant(bounds && input.closesOn > localDay(now), invalid({ closesOn: "needs:err.closesOn" }));
  const free = freeTopics(input.free);
  invariant(free.length <= MAX_FREE_TOPICS, invalid({ free: "needs:err.freeTopic" }));
  invariant(
    free.every((t) => t.length <= MAX_TOPIC_LENGTH),
    invalid({ free: "needs:err.freeTopic" }),
  );
  const ticked = COMPETENCY_IDS.filter((id) => input.competency.includes(id));
  const total = ticked.length + free.length;
  invariant(total >= MIN_TOPICS && total <= MAX_TOPICS, invalid({ competency: "needs:err.topicCount" }));

  const [counts, invited] = await Promise.all([acceptedCoursesPerCompetency(), invitees(input.audience)]);
  invariant(invited.length > 0, conflict("needs:err.nobody"));
  const gaps = gapsOf(counts);
  return db.$transaction(async (tx) => {
    const pending = await tx.needsProposal.findMany({ where: { roundId: null }, select: { competency: true } });
    const proposed = new Set(pending.map((p) => p.competency));
    const round = await tx.needsRound.create({
      data: { year: input.year, audience: input.audience, closesAt: bounds.end, openedById: user.id },
      select: { id: true },
    });
    await tx.needsTopic.createMany({
      data: [
        ...ticked.map((competency, i) => ({
          roundId: round.id,
          position: i + 1,
          competency,
          source: proposed.has(competency) ? "proposal" : gaps.includes(competency) ? "gap" : "model",
        })),
        ...free.map((label, i) => ({ roundId: round.id, position: ticked.length + i + 1, label, source: "free" })),
      ],
    });
    await tx.needsInvite.createMany({ data: invited.map((p) => ({ roundId: round.id, ...p })) });
    await tx.needsProposal.updateMany({ where: { roundId: null }, data: { roundId: round.id } });
    await writeAudit(
      tx,
      user.id,
      "needs.round-opened",
      null,
      { year: input.year, invited: invited.length },
      { id: round.id },
    );
    return { id: round.id, invited: invited.length };
  });
}

/** Closes an open round now (HR). Answers are refused from then on, so its results are final. */
export async function closeRound(user: SessionUser, roundId: number, now = new Date()) {
  invariant(runsNeedsSurvey(user), forbidden());
  return db.$transaction(async (tx) => {
    const round = await tx.needsRound.findUnique({
      where: { id: roundId },
      select: { closesAt: true, closedAt: true },
    });
    invariant(round, notFound());
    invariant(isOpen(round, now), conflict("needs:err.closed"));
    await tx.needsRound.update({ where: { id: roundId }, data: { closedAt: now } });
    const answered = await tx.needsInvite.count({ where: { roundId, answered: true } });
    await writeAudit(tx, user.id, "needs.round-closed", null, { answered }, { id: roundId });
    return { answered };
  });
}

const roundSelect = { id: true, year: true, audience: true, closesAt: true, closedAt: true } as const;

/** The list page: HR sees every round with its counts; others the rounds they are invited to. */
export async function listRounds(user: SessionUser, page: number, now = new Date()) {
  const skip = (page - 1) * PAGE_SIZE;
  if (runsNeedsSurvey(user)) {
    const [total, rounds] = await Promise.all([
      db.needsRound.count(),
      db.needsRound.findMany({ orderBy: { id: "desc" }, skip, take: PAGE_SIZE, select: roundSelect }),
    ]);
    const ids = rounds.map((r) => r.id);
    const counts = await db.needsInvite.groupBy({
      by: ["roundId", "answered"],
      where: { roundId: { in: ids } },
      _count: { _all: true },
    });
    const count = (id: number, answered?: boolean) =>
      counts
        .filter((c) => c.roundId === id && (answered === undefined || c.answered === answered))
        .reduce((s, c) => s + c._count._all, 0);
    return {
      total,
      rows: rounds.map((r) => ({
        ...r,
        open: isOpen(r, now),
        invited: count(r.id),
        answeredCount: count(r.id, true),
        answered: null as boolean | null,
      })),
    };
  }
  const where = { userId: user.id };
  const [total, invites] = await Promise.all([
    db.needsInvite.count({ where }),
    db.needsInvite.findMany({
      where,
      orderBy: { roundId: "desc" },
      skip,
      take: PAGE_SIZE,
      select: { answered: true, round: { select: roundSelect } },
    }),
  ]);
  return {
    total,
    rows: invites.map((i) => ({
      ...i.round,
      open: isOpen(i.round, now),
      invited: null as number | null,
      answeredCount: null as number | null,
      answered: i.answered as boolean | null,
    })),
  };
}
