// Whose readiness a viewer may read: exam staff every team, a lead only the teams they lead
// (their own team's floor, never another's). Decision 038.
import { ledTeamIds } from "~/assignments/assignments.server";
import { seesExamResults, type RoleHolder } from "~/auth/policy";
import { db } from "~/lib/db.server";
import { forbidden, invariant } from "~/lib/errors";

export async function readinessScope(viewer: RoleHolder & { id: number }, requested: number | null) {
  if (seesExamResults(viewer)) {
    const teams = await db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
    return { teams, teamId: requested, staff: true };
  }
  const led = await ledTeamIds(viewer.id);
  invariant(led.length > 0, forbidden());
  invariant(requested === null || led.includes(requested), forbidden());
  const teams = await db.team.findMany({
    where: { id: { in: led } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { teams, teamId: requested ?? led[0]!, staff: false };
}
