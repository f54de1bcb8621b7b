// The workflow's panel on the home page, by role: a lead's team requests, HR's queue counts,
// a trainer's next sessions.
import { canRequestTraining, isTrainer, leadsTeams, seesAllTraining } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { upcomingSessions } from "./delivery.server";
import { queueCounts, teamRequests } from "./queue.server";

export async function workflowHomePanel(user: Pick<SessionUser, "id" | "roles">) {
  const [requests, counts, upcoming] = await Promise.all([
    canRequestTraining(user) ? teamRequests(user.id) : null,
    seesAllTraining(user) ? queueCounts() : null,
    isTrainer(user) ? upcomingSessions({ id: user.id, roles: ["TRAINER"] }, new Date(), 5) : null,
  ]);
  return { requests, counts, upcoming, lead: leadsTeams(user) };
}
