// Data for the schedule page: the asked week (Monday to Sunday in the centre's zone), what is
// coming up, what still waits for its roster and, for those who see all training, the trainers
// to filter by.
import { seesAllTraining } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { awaitingRoster, upcomingSessions, weekSessions } from "./delivery.server";
import type { ScheduleQuery } from "./schemas";
import { localDay, weekStart } from "./time";

export function listTrainers() {
  return db.user.findMany({
    where: { roles: { some: { role: "TRAINER" } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function schedulePage(user: Pick<SessionUser, "id" | "roles">, query: ScheduleQuery, now = new Date()) {
  const today = localDay(now);
  const monday = weekStart(query.week ?? today);
  const seesAll = seesAllTraining(user);
  // Only those who see all training may look at another trainer's week.
  const trainerId = seesAll ? query.trainer : undefined;
  const [week, upcoming, awaiting, trainers] = await Promise.all([
    weekSessions(user, monday, trainerId),
    upcomingSessions(user, now, 10, trainerId),
    awaitingRoster(user, now),
    seesAll ? listTrainers() : Promise.resolve([]),
  ]);
  return { monday, today, week, upcoming, awaiting, trainers, trainerId, seesAll };
}
