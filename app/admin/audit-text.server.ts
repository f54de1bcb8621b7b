// Audit entries told in words, in the reader's language: the actor by name, role codes as role
// names, exam keys as exam names, invalidity codes as reasons. The page and the CSV both use it.
import { examName } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { localDateTime } from "~/lib/clock";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import type { Locale } from "~/lib/i18n/locale";
import { AUDIT_ACTIONS, isAuditAction, objectPath } from "./audit-actions";
import type { AuditRow } from "./audit.server";

export interface AuditLine {
  id: number;
  /** ISO instant (machine-readable) and the same moment on the centre's clock. */
  at: string;
  local: string;
  actor: string;
  actorId: number | null;
  action: string;
  sentence: string;
  kind: string;
  objectKind: string | null;
  objectId: number | null;
  path: string | null;
  subject: string;
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** A translator of audit rows for one language; loads the quiz bank titles once. */
export async function auditWords(locale: Locale) {
  const t = serverT(locale, "audit");
  const common = serverT(locale, "common");
  const exams = serverT(locale, "exams");
  const development = serverT(locale, "development");
  const banks = await bankTitles();
  const sep = locale === "zh" ? "、" : ", ";
  const roles = (v: unknown) =>
    list(v)
      .map((r) => common(messageKey("common", `role.${r}`), { defaultValue: r }))
      .join(sep) || "—";
  const exam = (v: unknown) => (str(v) ? examName(exams, str(v), banks, locale) : "");
  // Invalidity reasons are codes ("paste,idle"); each has its sentence in the exams messages.
  const why = (v: unknown) =>
    str(v)
      .split(",")
      .filter(Boolean)
      .map((code) => exams(messageKey("exams", `invalid.${code}`), { defaultValue: code }))
      .join(sep);

  return (row: AuditRow): AuditLine => {
    const d = parseDetail(row.detail);
    const actor = row.actor?.name ?? t("system");
    const subject = row.subject?.name ?? "";
    const known = isAuditAction(row.action) ? AUDIT_ACTIONS[row.action] : null;
    const params = {
      actor,
      subject: subject || "—",
      id: row.objectId ?? "",
      title: str(d.title),
      name: str(d.name),
      reason: row.action === "exam.attempt-invalidated" ? why(d.reason) : str(d.reason),
      roles: roles(d.roles),
      before: roles(d.before),
      after: roles(d.after),
      exam: exam(d.exam),
      present: str(d.present) || "0",
      version: str(d.version),
      stage: str(d.stage)
        ? development(messageKey("development", `stage.${str(d.stage)}`), { defaultValue: str(d.stage) })
        : "",
      from: str(d.from),
      to: str(d.to),
      decision: str(d.decision)
        ? t(messageKey("audit", `decision.${str(d.decision)}`), { defaultValue: str(d.decision) })
        : "",
      lines: str(d.lines),
      people: str(d.people),
      skipped: str(d.skipped),
    };
    return {
      id: row.id,
      at: row.createdAt.toISOString(),
      local: localDateTime(row.createdAt),
      actor,
      actorId: row.actor?.id ?? null,
      action: known ? t(known.label) : row.action,
      // An action outside the catalogue (an old row) is still shown by its name, never as JSON.
      sentence: known ? t(known.say, params) : `${actor}: ${row.action}`,
      kind: row.objectKind ? t(messageKey("audit", `kind.${row.objectKind}`), { defaultValue: row.objectKind }) : "",
      objectKind: row.objectKind,
      objectId: row.objectId,
      path: objectPath(row.objectKind, row.objectId),
      subject,
    };
  };
}
