// Proposes class times for a training request from the roster: the slots of the attendees'
// teams (their rule, or any weekday when a team has none) where the trainer can teach and
// nobody — trainer, room, attendee — already has a session. Decision 039.
import { addLocalDays, dayBounds, localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { invalid } from "~/lib/errors";
import { loadCodes, ruleOf, shiftsOf } from "./roster.server";
import { deriveSlots, pickProposals, type Proposal, type Slot, type SlotKind } from "./slots";

/** How far ahead proposals are looked for. */
export const PROPOSAL_HORIZON_DAYS = 28;

export interface ProposeInput {
  attendeeIds: number[];
  trainerId: number;
  room: string;
  durationMinutes: number;
  kind: SlotKind;
  from: Date;
  count: number;
}

export async function proposeSlots(input: ProposeInput): Promise<Proposal[]> {
  const { attendeeIds, trainerId, durationMinutes, kind, from, count } = input;
  if (!attendeeIds.length || durationMinutes < 15 || durationMinutes > 480 || count < 1)
    throw invalid("roster:propose.invalid");
  const room = input.room.trim();
  const first = localDay(from);
  const last = addLocalDays(first, PROPOSAL_HORIZON_DAYS - 1);
  const [people, codes, shifts] = await Promise.all([
    db.user.findMany({ where: { id: { in: attendeeIds } }, select: { id: true, teamId: true } }),
    loadCodes(),
    shiftsOf([...attendeeIds, trainerId], first, last),
  ]);
  const teamIds = [...new Set(people.map((p) => p.teamId))];
  const rules = await db.classSlotRule.findMany({
    where: { teamId: { in: teamIds.filter((t): t is number => t !== null) } },
  });
  // Each team's attendees give the candidate times by their team's rule.
  const candidates: Slot[] = [];
  for (const teamId of teamIds) {
    const members = new Set(people.filter((p) => p.teamId === teamId).map((p) => p.id));
    const rule = ruleOf(
      rules.find((r) => r.teamId === teamId),
      codes,
    );
    const own = shifts.filter((s) => members.has(s.userId));
    candidates.push(...deriveSlots(rule, own, codes, first, last, durationMinutes).filter((s) => s.kind === kind));
  }
  candidates.sort((a, b) => a.day.localeCompare(b.day) || a.startMin - b.startMin);

  // Sessions that would clash, from the first day (a before-shift slot may start the day before).
  const start = dayBounds(addLocalDays(first, -1))!.start;
  const end = dayBounds(addLocalDays(last, 1))!.end;
  const busy = await db.trainingSession.findMany({
    where: {
      status: { not: "cancelled" },
      startsAt: { lt: end },
      endsAt: { gt: start },
      OR: [{ trainerId }, ...(room ? [{ room }] : []), { attendees: { some: { userId: { in: attendeeIds } } } }],
    },
    select: { startsAt: true, endsAt: true },
  });
  return pickProposals({ candidates, attendeeIds, shifts, trainerId, busy, from, count });
}
