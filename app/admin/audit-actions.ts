// The one catalogue of what the audit log may record: each action names the kind of thing it
// changes and the sentence that tells it. `writeAudit` takes only these names, so an action
// nobody can read back is a type error, not a raw code on the audit page. Decision 032.
import type { MessageKey } from "~/lib/i18n/keys";

export const OBJECT_KINDS = [
  "user",
  "team",
  "request",
  "session",
  "exam-attempt",
  "exam-sitting",
  "exam-grant",
  "drill-score",
  "course",
  "database",
  "roster",
] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

interface ActionEntry {
  object: ObjectKind;
  /** The sentence, e.g. "{{actor}} approved request #{{id}} «{{title}}»". */
  say: MessageKey<"audit">;
  /** The short name of the action (filter menu, CSV column). */
  label: MessageKey<"audit">;
}

export const AUDIT_ACTIONS = {
  // People (admin pages)
  "user.create": { object: "user", say: "say.user.create", label: "action.user.create" },
  "user.update": { object: "user", say: "say.user.update", label: "action.user.update" },
  "user.roles": { object: "user", say: "say.user.roles", label: "action.user.roles" },
  "user.deactivate": { object: "user", say: "say.user.deactivate", label: "action.user.deactivate" },
  "user.reactivate": { object: "user", say: "say.user.reactivate", label: "action.user.reactivate" },
  "user.password-reset": { object: "user", say: "say.user.password-reset", label: "action.user.password-reset" },
  "user.import": { object: "user", say: "say.user.import", label: "action.user.import" },
  "team.create": { object: "team", say: "say.team.create", label: "action.team.create" },
  "team.update": { object: "team", say: "say.team.update", label: "action.team.update" },
  "team.rename": { object: "team", say: "say.team.rename", label: "action.team.rename" },
  "team.lead": { object: "team", say: "say.team.lead", label: "action.team.lead" },
  "team.member.add": { object: "team", say: "say.team.member.add", label: "action.team.member.add" },
  "team.member.remove": { object: "team", say: "say.team.member.remove", label: "action.team.member.remove" },
  "db.restore": { object: "database", say: "say.db.restore", label: "action.db.restore" },
  // Training requests: one entry per move of the state machine, plus the request itself.
  "request.create": { object: "request", say: "say.request.create", label: "action.request.create" },
  "request.approve": { object: "request", say: "say.request.approve", label: "action.request.approve" },
  "request.reject": { object: "request", say: "say.request.reject", label: "action.request.reject" },
  "request.return": { object: "request", say: "say.request.return", label: "action.request.return" },
  "request.resubmit": { object: "request", say: "say.request.resubmit", label: "action.request.resubmit" },
  "request.schedule": { object: "request", say: "say.request.schedule", label: "action.request.schedule" },
  "request.deliver": { object: "request", say: "say.request.deliver", label: "action.request.deliver" },
  "request.archive": { object: "request", say: "say.request.archive", label: "action.request.archive" },
  "request.cancel": { object: "request", say: "say.request.cancel", label: "action.request.cancel" },
  // Sessions: attendance and delivery are recorded per session; archiving one without a request.
  "session.attendance": { object: "session", say: "say.session.attendance", label: "action.session.attendance" },
  "session.deliver": { object: "session", say: "say.session.deliver", label: "action.session.deliver" },
  "session.archive": { object: "session", say: "say.session.archive", label: "action.session.archive" },
  // Exams
  "exam.attempt-granted": {
    object: "exam-grant",
    say: "say.exam.attempt-granted",
    label: "action.exam.attempt-granted",
  },
  "exam.attempt-invalidated": {
    object: "exam-attempt",
    say: "say.exam.attempt-invalidated",
    label: "action.exam.attempt-invalidated",
  },
  "exam.sitting-opened": {
    object: "exam-sitting",
    say: "say.exam.sitting-opened",
    label: "action.exam.sitting-opened",
  },
  "exam.sitting-closed": {
    object: "exam-sitting",
    say: "say.exam.sitting-closed",
    label: "action.exam.sitting-closed",
  },
  "exam.attempt-voided": {
    object: "exam-attempt",
    say: "say.exam.attempt-voided",
    label: "action.exam.attempt-voided",
  },
  "exam.drill-corrected": {
    object: "drill-score",
    say: "say.exam.drill-corrected",
    label: "action.exam.drill-corrected",
  },
  // Content that goes live or leaves the catalogue
  "content.publish": { object: "course", say: "say.content.publish", label: "action.content.publish" },
  "content.retire": { object: "course", say: "say.content.retire", label: "action.content.retire" },
  // The shift roster: a file imported, the shift codes, a team's class-slot rule
  "roster.import": { object: "roster", say: "say.roster.import", label: "action.roster.import" },
  "roster.codes": { object: "roster", say: "say.roster.codes", label: "action.roster.codes" },
  "roster.rule": { object: "team", say: "say.roster.rule", label: "action.roster.rule" },
} as const satisfies Record<string, ActionEntry>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && Object.hasOwn(AUDIT_ACTIONS, value);
}

/** Where the thing changed can be opened, if it has a page. */
export function objectPath(kind: string | null, id: number | null): string | null {
  if (id === null) return null;
  if (kind === "request") return `/requests/${id}`;
  if (kind === "user") return `/admin/users/${id}`;
  if (kind === "session") return `/schedule/${id}`;
  if (kind === "team") return `/admin/teams/${id}`;
  if (kind === "exam-sitting") return `/exams/sittings/${id}`;
  return null;
}
