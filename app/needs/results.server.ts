// A round's results. Every figure is a GROUP BY in SQLite over the answer and invite rows (a
// handful of rows per topic come back, never one per answer); the ranking rule is applied to
// those counts in scoring.ts. Answers are refused once a round closes, so a closed round's
// results are final without a stored copy (decision 033).
import { db } from "~/lib/db.server";
import { invariant, notFound } from "~/lib/errors";
import { isOpen, endOf, rankTopics, responseRate, type RankCount } from "./scoring";

const NO_TEAM = 0;

export async function roundResults(roundId: number, now = new Date()) {
  const round = await db.needsRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      year: true,
      audience: true,
      closesAt: true,
      closedAt: true,
      topics: { orderBy: { position: "asc" }, select: { id: true, competency: true, label: true, source: true } },
    },
  });
  invariant(round, notFound());
  const [overall, byAudience, byTeam, invites] = await Promise.all([
    db.needsAnswer.groupBy({ by: ["topicId", "rank"], where: { roundId }, _count: { _all: true } }),
    db.needsAnswer.groupBy({ by: ["audience", "topicId", "rank"], where: { roundId }, _count: { _all: true } }),
    db.needsAnswer.groupBy({ by: ["teamId", "topicId", "rank"], where: { roundId }, _count: { _all: true } }),
    db.needsInvite.groupBy({ by: ["audience", "teamId", "answered"], where: { roundId }, _count: { _all: true } }),
  ]);
  const topicIds = round.topics.map((t) => t.id);
  const toCounts = (rows: { topicId: number; rank: number; _count: { _all: number } }[]): RankCount[] =>
    rows.map((r) => ({ topicId: r.topicId, rank: r.rank, count: r._count._all }));

  const ranking = rankTopics(topicIds, toCounts(overall));

  const audiences = [...new Set(invites.map((i) => i.audience))].sort();
  const perAudience = audiences.map((audience) => {
    const inv = invites.filter((i) => i.audience === audience);
    const invited = inv.reduce((s, i) => s + i._count._all, 0);
    const answered = inv.filter((i) => i.answered).reduce((s, i) => s + i._count._all, 0);
    const scores = rankTopics(topicIds, toCounts(byAudience.filter((r) => r.audience === audience)));
    return { audience, invited, answered, rate: responseRate(answered, invited), scores };
  });

  const teamIds = [...new Set(invites.map((i) => i.teamId ?? NO_TEAM))];
  const teams = await db.team.findMany({
    where: { id: { in: teamIds.filter((id) => id !== NO_TEAM) } },
    select: { id: true, name: true },
  });
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const perTeam = teamIds
    .map((teamId) => {
      const inv = invites.filter((i) => (i.teamId ?? NO_TEAM) === teamId);
      const invited = inv.reduce((s, i) => s + i._count._all, 0);
      const answered = inv.filter((i) => i.answered).reduce((s, i) => s + i._count._all, 0);
      const scores = rankTopics(topicIds, toCounts(byTeam.filter((r) => (r.teamId ?? NO_TEAM) === teamId)));
      return {
        teamId,
        name: teamName.get(teamId) ?? null,
        invited,
        answered,
        rate: responseRate(answered, invited),
        scores,
      };
    })
    .sort((a, b) => (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff"));

  const invited = invites.reduce((s, i) => s + i._count._all, 0);
  const answered = invites.filter((i) => i.answered).reduce((s, i) => s + i._count._all, 0);
  return {
    round: { ...round, open: isOpen(round, now), endsAt: endOf(round) },
    ranking,
    invited,
    answered,
    rate: responseRate(answered, invited),
    perAudience,
    perTeam,
  };
}

export type RoundResults = Awaited<ReturnType<typeof roundResults>>;
