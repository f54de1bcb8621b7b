// The workflow's panel on the home page, by role: a lead's team requests, HR's queue counts,
// a trainer's next sessions.
import { canRequestTraining, isTrainer, leadsTeams, seesAllTraining } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { upcomingSessions } from "./delivery.server";
import { queueCounts, teamRequests } from "./queue.server";

type Titles = { titleZh: string; titleEn: string } | null;
/** A request as the panel lists it. */
export type PanelRequest = { id: number; state: string; headcount: number; course: Titles; series: Titles };

/** `requests`: the user's team requests when the caller read them already (the trainee home). */
export async function workflowHomePanel(user: Pick<SessionUser, "id" | "roles">, requests?: PanelRequest[]) {
  const [mine, counts, upcoming] = await Promise.all([
    canRequestTraining(user) ? (requests ?? teamRequests(user.id)) : null,
    seesAllTraining(user) ? queueCounts() : null,
    isTrainer(user) ? upcomingSessions({ id: user.id, roles: ["TRAINER"] }, new Date(), 5) : null,
  ]);
  return { requests: mine as PanelRequest[] | null, counts, upcoming, lead: leadsTeams(user) };
}
