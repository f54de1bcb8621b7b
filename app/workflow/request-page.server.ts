// Data for the request page's scheduling panel: trainers (listed for the course first), their day, rooms.
import { db } from "~/lib/db.server";
import { listRooms, modulesOf, trainerAgenda, trainerChoices } from "./scheduling.server";
import { localDay, toLocalInput } from "./time";

export async function schedulingPanel(
  r: { courseId: number | null; seriesId: number | null; delivery: string; preferred: string[] },
  day: string | null,
) {
  const modules = await modulesOf(db, r);
  const [trainers, rooms] = await Promise.all([trainerChoices(db, modules), listRooms()]);
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
    minutes:
      r.seriesId && r.delivery === "separate"
        ? (modules[0]?.durationMinutes ?? 60)
        : modules.reduce((s, m) => s + m.durationMinutes, 0),
    separate: Boolean(r.seriesId && r.delivery === "separate"),
  };
}
