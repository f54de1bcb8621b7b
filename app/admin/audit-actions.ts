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
  "project",
  "needs-round",
  "trainer",
  "assignment",
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
  "session.move": { object: "session", say: "say.session.move", label: "action.session.move" },
  "session.cancel": { object: "session", say: "say.session.cancel", label: "action.session.cancel" },
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
  // Course development projects
  "project.create": { object: "project", say: "say.project.create", label: "action.project.create" },
  "project.stage": { object: "project", say: "say.project.stage", label: "action.project.stage" },
  "project.course": { object: "project", say: "say.project.course", label: "action.project.course" },
  "project.milestone": { object: "project", say: "say.project.milestone", label: "action.project.milestone" },
  "project.comment": { object: "project", say: "say.project.comment", label: "action.project.comment" },
  "project.comment-done": {
    object: "project",
    say: "say.project.comment-done",
    label: "action.project.comment-done",
  },
  // Trial lecture and the panel's decision (decision 041)
  "trial.schedule": { object: "project", say: "say.trial.schedule", label: "action.trial.schedule" },
  "trial.score": { object: "project", say: "say.trial.score", label: "action.trial.score" },
  "trial.decide": { object: "project", say: "say.trial.decide", label: "action.trial.decide" },
  // Publication as a recorded act (decision 035)
  "library.accept": { object: "course", say: "say.library.accept", label: "action.library.accept" },
  "library.enter": { object: "course", say: "say.library.enter", label: "action.library.enter" },
  "library.fast-track": { object: "course", say: "say.library.fast-track", label: "action.library.fast-track" },
  // The yearly needs survey (decision 033)
  "needs.round-opened": { object: "needs-round", say: "say.needs.round-opened", label: "action.needs.round-opened" },
  "needs.round-closed": { object: "needs-round", say: "say.needs.round-closed", label: "action.needs.round-closed" },
  // Trainer qualifications and certificates (the object is the trainer)
  "trainer.qualify": { object: "trainer", say: "say.trainer.qualify", label: "action.trainer.qualify" },
  "trainer.qualify-initial": {
    object: "trainer",
    say: "say.trainer.qualify-initial",
    label: "action.trainer.qualify-initial",
  },
  "trainer.qualify-trial": {
    object: "trainer",
    say: "say.trainer.qualify-trial",
    label: "action.trainer.qualify-trial",
  },
  "trainer.withdraw": { object: "trainer", say: "say.trainer.withdraw", label: "action.trainer.withdraw" },
  "trainer.certificate": { object: "trainer", say: "say.trainer.certificate", label: "action.trainer.certificate" },
  // Assigned training
  "assignment.create": { object: "assignment", say: "say.assignment.create", label: "action.assignment.create" },
  "assignment.withdraw": { object: "assignment", say: "say.assignment.withdraw", label: "action.assignment.withdraw" },
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
  if (kind === "project") return `/development/${id}`;
  if (kind === "needs-round") return `/needs/${id}/results`;
  if (kind === "trainer") return `/trainers/${id}`;
  if (kind === "assignment") return "/assignments";
  return null;
}
