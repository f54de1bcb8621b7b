// Loads what an import is checked against, and applies a clean file in one transaction.
import type { Tx } from "~/lib/db.server";
import { db } from "~/lib/db.server";
import { conflict } from "~/lib/errors";
import { writeAudit } from "./audit.server";
import { planDeactivation, planImport, type Existing, type ImportContext } from "./import";

async function loadContext(tx: Tx | typeof db, actorId: number): Promise<ImportContext> {
  // One after the other: inside a transaction both share one connection, which runs one query at a time.
  const teams = await tx.team.findMany({ select: { id: true, name: true } });
  const users = await tx.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      employeeNo: true,
      grade: true,
      teamId: true,
      active: true,
      roles: { select: { role: true } },
    },
  });
  const byEmployeeNo = new Map<string, Existing>();
  const emailOwner = new Map<string, string>();
  for (const u of users) {
    byEmployeeNo.set(u.employeeNo, { ...u, roles: u.roles.map((r) => r.role) });
    emailOwner.set(u.email, u.employeeNo);
  }
  return { actorId, teams: new Map(teams.map((t) => [t.name, t.id])), byEmployeeNo, emailOwner };
}

export async function previewImport(actorId: number, text: string) {
  return planImport(text, await loadContext(db, actorId));
}

export async function previewDeactivation(actorId: number, text: string) {
  return planDeactivation(text, await loadContext(db, actorId));
}

/**
 * Applies a user file: the plan is computed again inside the transaction, so what is stored is
 * what the file says against the data as it is now; any error stores nothing (409).
 * New users get no password: they cannot sign in until an administrator sets one.
 */
export async function applyImport(actorId: number, text: string) {
  return db.$transaction(async (tx) => {
    const plan = planImport(text, await loadContext(tx, actorId));
    if (plan.counts.errors > 0) throw conflict("admin:import.err.changed");
    for (const l of plan.lines) {
      const { name, email, teamId, grade, roles } = l.values;
      if (l.action === "create") {
        const user = await tx.user.create({
          data: {
            employeeNo: l.employeeNo,
            name: name!,
            email: email!,
            teamId: teamId ?? null,
            grade: grade ?? "junior",
            passwordHash: "",
            roles: { create: (roles ?? ["TRAINEE"]).map((role) => ({ role })) },
          },
          select: { id: true },
        });
        await writeAudit(tx, actorId, "user.create", user.id, { source: "import", line: l.line, email });
      } else if (l.action === "update" && l.userId !== null) {
        await tx.user.update({
          where: { id: l.userId },
          data: { name, email, teamId, grade },
          select: { id: true },
        });
        if (roles) {
          await tx.userRole.deleteMany({ where: { userId: l.userId } });
          await tx.userRole.createMany({ data: roles.map((role) => ({ userId: l.userId!, role })) });
        }
        await writeAudit(tx, actorId, "user.update", l.userId, { source: "import", line: l.line, changes: l.changes });
      }
    }
    return plan.counts;
  });
}

/** Deactivates the listed users in one transaction, ending their sessions. */
export async function applyDeactivation(actorId: number, text: string) {
  return db.$transaction(async (tx) => {
    const plan = planDeactivation(text, await loadContext(tx, actorId));
    if (plan.counts.errors > 0) throw conflict("admin:import.err.changed");
    for (const l of plan.lines) {
      if (l.action !== "deactivate" || l.userId === null) continue;
      await tx.user.update({ where: { id: l.userId }, data: { active: false }, select: { id: true } });
      await tx.session.deleteMany({ where: { userId: l.userId } });
      await writeAudit(tx, actorId, "user.deactivate", l.userId, { source: "import", line: l.line });
    }
    return plan.counts;
  });
}
