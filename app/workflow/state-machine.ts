// The life of a training request, as pure data: which action moves which state where, and who
// may take it. The database layer asks this module before it writes anything.
import { isAdmin, isHr, type Role } from "~/auth/policy";

export const STATES = [
  "submitted",
  "approved",
  "rejected",
  "returned",
  "scheduled",
  "delivered",
  "archived",
  "cancelled",
] as const;
export type RequestState = (typeof STATES)[number];

export const ACTIONS = ["approve", "reject", "return", "resubmit", "schedule", "deliver", "archive", "cancel"] as const;
export type RequestAction = (typeof ACTIONS)[number];

/** How a person stands to one request; one person may stand several ways at once. */
export const ACTOR_ROLES = ["requester", "hr", "trainer", "admin"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

interface Rule {
  from: readonly RequestState[];
  to: RequestState;
  by: readonly ActorRole[];
  /** A written reason is part of the action (it is shown to the requester). */
  reason: boolean;
}

export const RULES: Record<RequestAction, Rule> = {
  approve: { from: ["submitted"], to: "approved", by: ["hr", "admin"], reason: false },
  reject: { from: ["submitted"], to: "rejected", by: ["hr", "admin"], reason: true },
  return: { from: ["submitted"], to: "returned", by: ["hr", "admin"], reason: true },
  // The requester edits the returned request and sends it back; only they know what to change.
  resubmit: { from: ["returned"], to: "submitted", by: ["requester"], reason: false },
  schedule: { from: ["approved"], to: "scheduled", by: ["hr", "admin"], reason: false },
  // Only the trainer who stood in the room knows who attended; admin may correct a record.
  deliver: { from: ["scheduled"], to: "delivered", by: ["trainer", "admin"], reason: false },
  archive: { from: ["delivered"], to: "archived", by: ["hr", "admin"], reason: false },
  cancel: {
    from: ["submitted", "returned", "approved", "scheduled"],
    to: "cancelled",
    by: ["requester", "hr", "admin"],
    reason: true,
  },
};

export const TERMINAL: readonly RequestState[] = ["rejected", "archived", "cancelled"];

export const MAX_REASON = 1000;

export type Decision =
  { ok: true; to: RequestState } | { ok: false; error: "illegal" | "forbidden" | "reasonRequired" | "reasonTooLong" };

export function isState(value: unknown): value is RequestState {
  return typeof value === "string" && (STATES as readonly string[]).includes(value);
}

export function isAction(value: unknown): value is RequestAction {
  return typeof value === "string" && (ACTIONS as readonly string[]).includes(value);
}

/** Whether the action leaves this state at all, whoever asks. */
export function isLegal(state: RequestState, action: RequestAction): boolean {
  return RULES[action].from.includes(state);
}

export function mayAct(action: RequestAction, roles: readonly ActorRole[]): boolean {
  return roles.some((r) => RULES[action].by.includes(r));
}

/**
 * Decides one transition. An illegal move is reported before a missing permission, so a person
 * who clicks a stale button learns that the request moved on rather than that they lack rights.
 */
export function decide(state: RequestState, action: RequestAction, roles: readonly ActorRole[], reason = ""): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(state)) return { ok: false, error: "illegal" };
  if (!mayAct(action, roles)) return { ok: false, error: "forbidden" };
  const text = reason.trim();
  if (rule.reason && text.length === 0) return { ok: false, error: "reasonRequired" };
  if (text.length > MAX_REASON) return { ok: false, error: "reasonTooLong" };
  return { ok: true, to: rule.to };
}

/** The actions this person may take now, for the buttons on the request page. */
export function availableActions(state: RequestState, roles: readonly ActorRole[]): RequestAction[] {
  return ACTIONS.filter((a) => isLegal(state, a) && mayAct(a, roles));
}

export function needsReason(action: RequestAction): boolean {
  return RULES[action].reason;
}

/** Who stands how to a request, from the viewer's roles and the request's people. */
export function actorRoles(
  viewer: { id: number; roles: readonly Role[] },
  request: { requesterId: number; trainerId: number | null },
): ActorRole[] {
  const out: ActorRole[] = [];
  if (viewer.id === request.requesterId) out.push("requester");
  if (isHr(viewer)) out.push("hr");
  if (request.trainerId !== null && viewer.id === request.trainerId) out.push("trainer");
  if (isAdmin(viewer)) out.push("admin");
  return out;
}

/** Who moves the request on from here (cancelling aside), for a "waiting for" hint. */
export function nextActors(state: RequestState): ActorRole[] {
  const who = new Set<ActorRole>();
  for (const a of ACTIONS)
    if (a !== "cancel" && isLegal(state, a)) for (const r of RULES[a].by) if (r !== "admin") who.add(r);
  return ACTOR_ROLES.filter((r) => who.has(r));
}
