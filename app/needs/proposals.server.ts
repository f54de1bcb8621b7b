// Needs proposed by a team (the contract of POST /needs/proposals): a lead for the team they
// lead, a trainer or HR for any team. Pending proposals are offered, ticked, on the next round's
// form; opening that round consumes them.
import { canProposeNeedsFor } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { forbidden, invariant, notFound } from "~/lib/errors";
import type { ProposalInput } from "./schemas";

export async function proposeNeeds(user: SessionUser, input: ProposalInput) {
  const team = await db.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
  invariant(team, notFound("needs:err.team"));
  const allowed = await canProposeNeedsFor(
    user,
    team.id,
    async (teamId) => (await db.team.count({ where: { id: teamId, leads: { some: { id: user.id } } } })) > 0,
  );
  invariant(allowed, forbidden("needs:err.proposeForbidden"));
  const wanted = [...new Set(input.competency)];
  return db.$transaction(async (tx) => {
    // A competency already pending for this team is not proposed twice.
    const existing = await tx.needsProposal.findMany({
      where: { roundId: null, teamId: team.id, competency: { in: wanted } },
      select: { competency: true },
    });
    const fresh = wanted.filter((c) => !existing.some((e) => e.competency === c));
    await tx.needsProposal.createMany({
      data: fresh.map((competency) => ({ teamId: team.id, competency, proposedById: user.id })),
    });
    return { added: fresh.length };
  });
}
