// Moving a request from one state to the next. The version the viewer saw travels with the form:
// if anyone moved the request in between, nothing is written and the current state comes back.
import { writeAudit } from "~/admin/audit.server";
import { canViewRequest } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { db, type Tx } from "~/lib/db.server";
import { conflict, DomainError, invalid, notFound } from "~/lib/errors";
import { hrUserIds, notify } from "./notify.server";
import { actorRoles, decide, isState, type RequestAction, type RequestState } from "./state-machine";

type Actor = Pick<SessionUser, "id" | "roles" | "name">;

// Actions that have their own form (schedule: trainer and slot; deliver: the roster;
// resubmit: the edit form) are refused here.
export const SIMPLE_ACTIONS: readonly RequestAction[] = ["approve", "reject", "return", "cancel", "archive"];

export async function loadForMove(tx: Tx, requestId: number) {
  return tx.trainingRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      state: true,
      version: true,
      requesterId: true,
      trainerId: true,
      teamId: true,
      course: { select: { titleZh: true } },
      series: { select: { titleZh: true } },
      attendees: { select: { userId: true } },
    },
  });
}

export type MoveTarget = NonNullable<Awaited<ReturnType<typeof loadForMove>>>;

/** Whether the user may see the request at all; everyone else gets a 404, not a hint it exists. */
export async function canView(
  tx: Tx,
  user: Pick<SessionUser, "id" | "roles">,
  r: Pick<MoveTarget, "requesterId" | "trainerId" | "teamId" | "attendees">,
) {
  return canViewRequest(
    user,
    r,
    async (teamId) => (await tx.team.count({ where: { id: teamId, leads: { some: { id: user.id } } } })) > 0,
  );
}

/**
 * Checks and records one move inside the caller's transaction: state machine, version, audit
 * row. Throws a DomainError (and so rolls back) when anything is off.
 */
export async function move(
  tx: Tx,
  actor: Actor,
  r: MoveTarget,
  action: RequestAction,
  version: number,
  reason = "",
  /** Kept with the move (transition comment, audit) but, unlike `reason`, not shown as the request's reason. */
  note = "",
): Promise<RequestState> {
  if (r.version !== version) throw conflict("workflow:err.changed", { params: { state: r.state, version: r.version } });
  const from = isState(r.state) ? r.state : null;
  if (!from) throw conflict("workflow:err.illegal");
  const decision = decide(from, action, actorRoles(actor, r), reason);
  if (!decision.ok) {
    const code = decision.error === "illegal" ? "conflict" : decision.error === "forbidden" ? "forbidden" : "invalid";
    throw new DomainError(code, `workflow:err.${decision.error}`, {
      field: decision.error.startsWith("reason") ? "reason" : undefined,
      params: { state: r.state, version: r.version },
    });
  }
  // The version in the WHERE makes the write itself the arbiter, even outside BEGIN IMMEDIATE.
  const { count } = await tx.trainingRequest.updateMany({
    where: { id: r.id, version },
    data: { state: decision.to, version: { increment: 1 }, ...(reason.trim() ? { lastReason: reason.trim() } : {}) },
  });
  if (count !== 1) {
    // Someone moved it after we read it (PostgreSQL let the two transactions overlap): the state
    // shown with the refusal is the one they left, read again now that their move is committed.
    const current = await tx.trainingRequest.findUnique({
      where: { id: r.id },
      select: { state: true, version: true },
    });
    throw conflict("workflow:err.changed", {
      params: { state: current?.state ?? r.state, version: current?.version ?? r.version },
    });
  }
  await tx.requestTransition.create({
    data: {
      requestId: r.id,
      actorId: actor.id,
      action,
      fromState: from,
      toState: decision.to,
      comment: reason.trim() || note.trim(),
    },
  });
  const said = {
    title: titleOf(r),
    from,
    to: decision.to,
    ...(reason.trim() ? { reason: reason.trim() } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
  await writeAudit(tx, actor.id, `request.${action}`, r.requesterId, said, { id: r.id });
  return decision.to;
}

export function titleOf(r: Pick<MoveTarget, "course" | "series">) {
  return r.course?.titleZh ?? r.series?.titleZh ?? "";
}

export async function applyTransition(
  actor: Actor,
  requestId: number,
  action: RequestAction,
  version: number,
  reason = "",
) {
  return db.$transaction(async (tx) => {
    const r = await loadForMove(tx, requestId);
    if (!r || !(await canView(tx, actor, r))) throw notFound("workflow:err.notFound");
    if (!SIMPLE_ACTIONS.includes(action)) throw invalid("workflow:err.invalid");
    const to = await move(tx, actor, r, action, version, reason);
    const params = { id: r.id, title: titleOf(r), by: actor.name, reason: reason.trim() };
    const link = `/requests/${r.id}`;
    const attendees = r.attendees.map((a) => a.userId);
    if (action === "cancel") {
      const sessions = await tx.trainingSession.updateMany({
        where: { requestId: r.id, status: "scheduled" },
        data: { status: "cancelled" },
      });
      const people = [
        r.requesterId,
        ...(await hrUserIds(tx)),
        ...(r.trainerId ? [r.trainerId] : []),
        ...(sessions.count > 0 ? attendees : []),
      ];
      await notify(tx, people, "cancelled", params, link, actor.id);
    } else if (action === "archive") {
      await tx.trainingSession.updateMany({
        where: { requestId: r.id, status: "delivered" },
        data: { status: "archived" },
      });
      await notify(tx, [r.requesterId, ...(r.trainerId ? [r.trainerId] : [])], "archived", params, link, actor.id);
    } else {
      await notify(
        tx,
        [r.requesterId],
        action === "approve" ? "approved" : action === "reject" ? "rejected" : "returned",
        params,
        link,
        actor.id,
      );
    }
    return { state: to };
  });
}
