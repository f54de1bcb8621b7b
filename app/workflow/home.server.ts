// The workflow's panel on the home page, by role: a lead's team requests, HR's queue counts,
// a trainer's next sessions.
import type { SessionUser } from "~/auth/session.server";
import { upcomingSessions } from "./delivery.server";
import { queueCounts, teamRequests } from "./queue.server";

export async function workflowHomePanel(user: Pick<SessionUser, "id" | "roles">) {
  const isHr = user.roles.includes("HR") || user.roles.includes("ADMIN");
  const [requests, counts, upcoming] = await Promise.all([
    user.roles.includes("LEAD") || user.roles.includes("TRAINEE") ? teamRequests(user.id) : null,
    isHr ? queueCounts() : null,
    user.roles.includes("TRAINER") ? upcomingSessions({ id: user.id, roles: ["TRAINER"] }, new Date(), 5) : null,
  ]);
  return { requests, counts, upcoming, lead: user.roles.includes("LEAD") };
}
