// What the roster says about a scheduling form, read before the scheduling transaction (the
// roster readers use the shared client, which must not be called inside a transaction): who
// would sit in the first class off shift, and — for a series taught module by module — the
// team's successive morning classes for the later modules. Decision 044.
import { addLocalDays, localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { PROPOSAL_HORIZON_DAYS, proposeSlots } from "~/roster/propose.server";
import { shiftsOf } from "~/roster/roster.server";
import { handTypedFlag, pickSeriesSlots } from "~/roster/series";
import type { FlagReason } from "~/roster/slots";
import { parseClock } from "~/roster/time";
import { modulesOf } from "./scheduling.server";
import type { ScheduleForm } from "./schemas";
import { parseLocal } from "./time";

const MINUTE = 60_000;

export interface RosterPlan {
  /** Classes for modules 2…n of a separate series; null when the roster has nothing to say. */
  later: { startsAt: Date; endsAt: Date }[] | null;
  /** Set when the roster has too few morning classes for the series: how many were found. */
  short: { needed: number; found: number } | null;
  /** Attendees whose shifts do not fit the first class. */
  flagged: { userId: number; name: string; reason: FlagReason }[];
}

const NOTHING: RosterPlan = { later: null, short: null, flagged: [] };

export async function rosterPlan(requestId: number, form: ScheduleForm): Promise<RosterPlan> {
  const r = await db.trainingRequest.findUnique({
    where: { id: requestId },
    select: {
      courseId: true,
      seriesId: true,
      delivery: true,
      attendees: { select: { userId: true, user: { select: { name: true } } } },
    },
  });
  const startsAt = parseLocal(form.date, form.start);
  const startMin = parseClock(form.start);
  if (!r || !startsAt || startMin === null || r.attendees.length === 0) return NOTHING;
  const modules = await modulesOf(db, r);
  if (modules.length === 0) return NOTHING;
  const separate = Boolean(r.seriesId && r.delivery === "separate");
  const firstMinutes = separate ? modules[0]!.durationMinutes : modules.reduce((sum, m) => sum + m.durationMinutes, 0);
  const endMin = (form.end && parseClock(form.end)) || startMin + firstMinutes;

  const attendeeIds = r.attendees.map((a) => a.userId);
  const firstDay = localDay(startsAt);
  const today = await shiftsOf(attendeeIds, firstDay, firstDay);
  const flagged: RosterPlan["flagged"] = [];
  for (const a of r.attendees) {
    const reason = handTypedFlag(
      startMin,
      endMin,
      today.filter((s) => s.userId === a.userId),
    );
    if (reason) flagged.push({ userId: a.userId, name: a.user.name, reason });
  }
  if (!separate || modules.length < 2) return { later: null, short: null, flagged };

  // A team without a roster keeps the plain plan: one module a day at the same time.
  const rostered = await db.rosterEntry.count({
    where: {
      userId: { in: attendeeIds },
      day: { gte: firstDay, lte: addLocalDays(firstDay, PROPOSAL_HORIZON_DAYS) },
    },
  });
  if (rostered === 0) return { later: null, short: null, flagged };

  const rest = modules.slice(1);
  const room = form.roomId
    ? ((await db.room.findUnique({ where: { id: Number(form.roomId) }, select: { name: true } }))?.name ?? "")
    : "";
  const candidates = await proposeSlots({
    attendeeIds,
    trainerId: form.trainerId,
    room,
    durationMinutes: Math.max(...rest.map((m) => m.durationMinutes)),
    kind: "morning",
    from: new Date(startsAt.getTime() + firstMinutes * MINUTE),
    count: PROPOSAL_HORIZON_DAYS * 4,
  });
  const picked = pickSeriesSlots(candidates, rest.length, [firstDay]);
  if (picked.length < rest.length)
    return { later: null, short: { needed: modules.length, found: picked.length + 1 }, flagged };
  return {
    later: picked.map((p, i) => ({
      startsAt: p.startsAt,
      endsAt: new Date(p.startsAt.getTime() + rest[i]!.durationMinutes * MINUTE),
    })),
    short: null,
    flagged,
  };
}
