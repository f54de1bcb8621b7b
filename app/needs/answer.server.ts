// One invited person's answer to a round: read it, and store or replace it while the round is
// open. The check that the round is open runs inside the write transaction, so an answer racing
// HR's "close now" either lands before the close or is refused, and closed results never move.
import { runsNeedsSurvey, readsNeedsResults } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { conflict, forbidden, invalid, invariant, notFound } from "~/lib/errors";
import { endOf, isOpen, parseRanking } from "./scoring";

const topicSelect = { id: true, position: true, competency: true, label: true, source: true } as const;

/** The page of one round for the signed-in person; refused unless they are invited (or staff). */
export async function roundForPerson(user: SessionUser, roundId: number, now = new Date()) {
  const round = await db.needsRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      year: true,
      audience: true,
      closesAt: true,
      closedAt: true,
      topics: { orderBy: { position: "asc" }, select: topicSelect },
    },
  });
  invariant(round, notFound());
  const invite = await db.needsInvite.findUnique({
    where: { roundId_userId: { roundId, userId: user.id } },
    select: { answered: true },
  });
  const staff = runsNeedsSurvey(user) || readsNeedsResults(user);
  invariant(invite || staff, forbidden("needs:err.notInvited"));
  const mine = invite
    ? await db.needsAnswer.findMany({
        where: { roundId, userId: user.id },
        orderBy: { rank: "asc" },
        select: { topicId: true },
      })
    : [];
  return {
    round: { ...round, open: isOpen(round, now), endsAt: endOf(round) },
    invited: invite !== null,
    answered: invite?.answered ?? false,
    choices: mine.map((a) => a.topicId),
    staff,
  };
}

/**
 * Stores the person's ranking, replacing an earlier one. Refused with nothing stored: not
 * invited (403), round closed (409), and any bad ranking (400: empty, a 4th place, a topic twice,
 * a topic not of this round).
 */
export async function submitAnswer(
  user: SessionUser,
  roundId: number,
  entries: Iterable<[string, unknown]>,
  now = new Date(),
) {
  const list = [...entries];
  return db.$transaction(async (tx) => {
    const round = await tx.needsRound.findUnique({
      where: { id: roundId },
      select: { closesAt: true, closedAt: true, topics: { select: { id: true } } },
    });
    invariant(round, notFound());
    const invite = await tx.needsInvite.findUnique({
      where: { roundId_userId: { roundId, userId: user.id } },
      select: { teamId: true, audience: true },
    });
    invariant(invite, forbidden("needs:err.notInvited"));
    invariant(isOpen(round, now), conflict("needs:err.closed"));
    const parsed = parseRanking(list, new Set(round.topics.map((t) => t.id)));
    if (!parsed.ok) throw invalid(parsed.error);
    await tx.needsAnswer.deleteMany({ where: { roundId, userId: user.id } });
    await tx.needsAnswer.createMany({
      data: parsed.topicIds.map((topicId, i) => ({
        roundId,
        userId: user.id,
        rank: i + 1,
        topicId,
        teamId: invite.teamId,
        audience: invite.audience,
      })),
    });
    await tx.needsInvite.update({
      where: { roundId_userId: { roundId, userId: user.id } },
      data: { answered: true },
    });
    return { choices: parsed.topicIds.length };
  });
}
