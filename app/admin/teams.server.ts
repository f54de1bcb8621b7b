// Teams: create, rename, set the lead, add and remove members. Every change is audited; the
// audit log's subject is a person, so team changes name the member or lead they concern.
import { db } from "~/lib/db.server";
import { conflict, invariant, notFound } from "~/lib/errors";
import { writeAudit } from "./audit.server";

export function listTeamsWithCounts() {
  return db.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      leads: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      _count: { select: { members: { where: { active: true } } } },
    },
  });
}

export async function getTeam(id: number) {
  return db.team.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      leads: { select: { id: true, name: true } },
      members: {
        where: { active: true },
        orderBy: { name: "asc" },
        select: { id: true, name: true, employeeNo: true, grade: true },
      },
    },
  });
}

/** Active people who could join the team: everyone not already in it. */
export function candidates(teamId: number) {
  return db.user.findMany({
    where: { active: true, NOT: { teamId } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, employeeNo: true },
    take: 500,
  });
}

/** Who may lead a team: active people holding the LEAD role. */
export function leadCandidates() {
  return db.user.findMany({
    where: { active: true, roles: { some: { role: "LEAD" } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function createTeam(actorId: number, name: string) {
  return db.$transaction(async (tx) => {
    if (await tx.team.findUnique({ where: { name }, select: { id: true } })) {
      throw conflict("admin:teams.err.nameTaken", { field: "name" });
    }
    const team = await tx.team.create({ data: { name }, select: { id: true } });
    await writeAudit(tx, actorId, "team.create", null, { name }, { kind: "team", id: team.id });
    return team;
  });
}

export async function renameTeam(actorId: number, teamId: number, name: string) {
  await db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
    invariant(team, notFound());
    const taken = await tx.team.findUnique({ where: { name }, select: { id: true } });
    if (taken && taken.id !== teamId) throw conflict("admin:teams.err.nameTaken", { field: "name" });
    await tx.team.update({ where: { id: teamId }, data: { name }, select: { id: true } });
    await writeAudit(tx, actorId, "team.rename", null, { before: team.name, name }, { kind: "team", id: teamId });
  });
}

/** The lead must hold the LEAD role and be active; the team has one lead (replacing any other). */
export async function setLead(actorId: number, teamId: number, leadId: number | null) {
  await db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { leads: { select: { id: true } } } });
    invariant(team, notFound());
    if (leadId !== null) {
      const lead = await tx.user.findFirst({
        where: { id: leadId, active: true, roles: { some: { role: "LEAD" } } },
        select: { id: true },
      });
      invariant(lead, conflict("admin:teams.err.notLead", { field: "leadId" }));
    }
    await tx.team.update({
      where: { id: teamId },
      data: { leads: { set: leadId === null ? [] : [{ id: leadId }] } },
      select: { id: true },
    });
    await writeAudit(
      tx,
      actorId,
      "team.lead",
      leadId,
      { before: team.leads.map((l) => l.id) },
      { kind: "team", id: teamId },
    );
  });
}

export async function addMember(actorId: number, teamId: number, userId: number) {
  await db.$transaction(async (tx) => {
    invariant(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }), notFound());
    const user = await tx.user.findFirst({ where: { id: userId, active: true }, select: { teamId: true } });
    invariant(user, conflict("admin:teams.err.noUser", { field: "userId" }));
    await tx.user.update({ where: { id: userId }, data: { teamId }, select: { id: true } });
    await writeAudit(tx, actorId, "team.member.add", userId, { before: user.teamId }, { kind: "team", id: teamId });
  });
}

export async function removeMember(actorId: number, teamId: number, userId: number) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, teamId }, data: { teamId: null } });
    invariant(count === 1, notFound());
    await writeAudit(tx, actorId, "team.member.remove", userId, {}, { kind: "team", id: teamId });
  });
}
