// Data for the request page's scheduling panel: trainers (listed for the course first), their day, rooms.
import { db } from "~/lib/db.server";
import { proposeSlots } from "~/roster/propose.server";
import type { FlagReason, SlotKind } from "~/roster/slots";
import { listRooms, modulesOf, trainerAgenda, trainerChoices } from "./scheduling.server";
import { localDay, toLocalInput } from "./time";

/** How many roster proposals the form offers. */
const PROPOSALS = 5;
const KIND: Record<string, SlotKind> = { "before-shift": "before", "after-shift": "after" };

export async function schedulingPanel(
  r: {
    courseId: number | null;
    seriesId: number | null;
    delivery: string;
    preferred: string[];
    slotKind: string;
    attendees: { userId: number; user: { name: string } }[];
  },
  day: string | null,
  pick: { trainerId?: string | null; roomId?: string | null } = {},
  now = new Date(),
) {
  const modules = await modulesOf(db, r);
  const [trainers, rooms] = await Promise.all([trainerChoices(db, modules), listRooms()]);
  // Proposals are for the trainer and room in the query (a plain GET form refreshes them),
  // by default the first trainer in the list and no room. Decision 044.
  const trainer = trainers.find((t) => String(t.id) === pick.trainerId) ?? trainers[0];
  const room = rooms.find((x) => String(x.id) === pick.roomId);
  const separate = Boolean(r.seriesId && r.delivery === "separate");
  const minutes = separate ? (modules[0]?.durationMinutes ?? 60) : modules.reduce((s, m) => s + m.durationMinutes, 0);
  const names = new Map(r.attendees.map((a) => [a.userId, a.user.name]));
  const proposals =
    trainer && r.attendees.length && minutes >= 15 && minutes <= 480
      ? (
          await proposeSlots({
            attendeeIds: r.attendees.map((a) => a.userId),
            trainerId: trainer.id,
            room: room?.name ?? "",
            durationMinutes: minutes,
            kind: separate ? "morning" : (KIND[r.slotKind] ?? "morning"),
            from: now,
            count: PROPOSALS,
          })
        ).map((p) => ({
          value: `${p.day}T${p.start}`,
          startsAt: p.startsAt,
          endsAt: p.endsAt,
          flagged: p.flagged.map((f) => ({ name: names.get(f.userId) ?? "", reason: f.reason as FlagReason })),
        }))
      : [];
  const first = r.preferred[0] ? toLocalInput(r.preferred[0]) : "";
  const shownDay = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : first ? first.slice(0, 10) : localDay(new Date());
  const agenda = await trainerAgenda(
    trainers.map((t) => t.id),
    shownDay,
  );
  return {
    trainers: trainers.map((t) => ({ ...t, sessions: agenda.filter((a) => a.trainerId === t.id) })),
    rooms,
    day: shownDay,
    defaultDate: first.slice(0, 10),
    defaultStart: first.slice(11, 16),
    minutes,
    separate,
    proposals,
    proposalTrainerId: trainer ? String(trainer.id) : "",
    proposalRoomId: room ? String(room.id) : "",
  };
}
