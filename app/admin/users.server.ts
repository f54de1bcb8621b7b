import { hashPassword } from "~/auth/password.server";
import { keepsOwnAdmin } from "~/auth/policy";
import type { Role } from "~/auth/roles";
import { db } from "~/lib/db.server";
import { conflict, invalid, invariant, notFound } from "~/lib/errors";
import { PAGE_SIZE } from "~/lib/pagination";
import { writeAudit } from "./audit.server";
import type { CreateUserInput, ProfileInput } from "./schemas";

// The fields the user list and a user's page both show.
const userSummary = {
  id: true,
  name: true,
  email: true,
  employeeNo: true,
  grade: true,
  active: true,
  team: { select: { name: true } },
  roles: { select: { role: true } },
} as const;

export async function listUsers({ q, role, page }: { q?: string; role?: Role; page: number }) {
  const where = {
    ...(q
      ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }, { employeeNo: { contains: q } }] }
      : {}),
    ...(role ? { roles: { some: { role } } } : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      // Employee numbers, not names: names mix scripts and SQLite has no pinyin collation.
      orderBy: [{ active: "desc" }, { employeeNo: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: userSummary,
    }),
  ]);
  return { total, users: users.map((u) => ({ ...u, roles: u.roles.map((r) => r.role) })) };
}

export function listTeams() {
  return db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Creates an account; a taken e-mail or employee number, or an unknown team, is a 409 on that field. */
export async function createUser(actorId: number, input: CreateUserInput): Promise<{ id: number }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw conflict("admin:err.emailTaken", { field: "email" });
    }
    if (await tx.user.findUnique({ where: { employeeNo: input.employeeNo }, select: { id: true } })) {
      throw conflict("admin:err.employeeNoTaken", { field: "employeeNo" });
    }
    if (input.teamId !== null && !(await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }))) {
      throw conflict("admin:err.team", { field: "teamId" });
    }
    const user = await tx.user.create({
      data: {
        name: input.name,
        email: input.email,
        employeeNo: input.employeeNo,
        grade: input.grade,
        teamId: input.teamId,
        passwordHash,
        roles: { create: input.roles.map((role) => ({ role })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, actorId, "user.create", user.id, {
      email: input.email,
      roles: input.roles,
      grade: input.grade,
    });
    return { id: user.id };
  });
}

export async function getUserDetail(id: number) {
  const user = await db.user.findUnique({
    where: { id },
    select: { ...userSummary, teamId: true, createdAt: true },
  });
  return user ? { ...user, roles: user.roles.map((r) => r.role) } : null;
}

/** An admin cannot take the ADMIN role from themself: someone must still be able to undo it. */
export async function setRoles(actorId: number, userId: number, roles: Role[]) {
  invariant(keepsOwnAdmin(actorId, userId, roles), invalid({ roles: "admin:err.selfAdmin" }));
  await db.$transaction(async (tx) => {
    const before = (await tx.userRole.findMany({ where: { userId }, select: { role: true } })).map((r) => r.role);
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.userRole.createMany({ data: roles.map((role) => ({ userId, role })) });
    await writeAudit(tx, actorId, "user.roles", userId, { before, after: roles });
  });
}

/** Deactivating ends every session of the user in the same transaction. */
export async function setActive(actorId: number, userId: number, active: boolean) {
  // Deactivating oneself would end one's own sign-in with no admin left on the page to undo it.
  invariant(active || actorId !== userId, invalid("admin:err.selfDeactivate"));
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active }, select: { id: true } });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await writeAudit(tx, actorId, active ? "user.reactivate" : "user.deactivate", userId);
  });
}

export async function resetPassword(actorId: number, userId: number, password: string) {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    await tx.session.deleteMany({ where: { userId } });
    await writeAudit(tx, actorId, "user.password-reset", userId);
  });
}

/** Edits name, e-mail, employee number, team and grade; a taken e-mail or number is a 409 on its field. */
export async function updateProfile(actorId: number, userId: number, input: ProfileInput) {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { name: true, email: true, employeeNo: true, teamId: true, grade: true },
    });
    invariant(before, notFound());
    const other = (found: { id: number } | null) => found !== null && found.id !== userId;
    if (other(await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))) {
      throw conflict("admin:err.emailTaken", { field: "email" });
    }
    if (other(await tx.user.findUnique({ where: { employeeNo: input.employeeNo }, select: { id: true } }))) {
      throw conflict("admin:err.employeeNoTaken", { field: "employeeNo" });
    }
    if (input.teamId !== null && !(await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }))) {
      throw conflict("admin:err.team", { field: "teamId" });
    }
    await tx.user.update({ where: { id: userId }, data: input, select: { id: true } });
    const changed = (Object.keys(input) as (keyof ProfileInput)[]).filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return;
    await writeAudit(tx, actorId, "user.update", userId, {
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, input[k]])),
    });
  });
}
