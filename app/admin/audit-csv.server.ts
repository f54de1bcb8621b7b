// The audit log as a spreadsheet: the same words as the page, the instant in ISO 8601 (UTC) for
// machines and the centre's local time for people.
import { localDay } from "~/lib/clock";
import { toCsv } from "~/lib/csv";
import { serverT } from "~/lib/i18n/instance";
import type { Locale } from "~/lib/i18n/locale";
import type { AuditFilter } from "./audit-filter";
import { auditWords } from "./audit-text.server";
import { auditExport } from "./audit.server";

export async function auditCsv(filter: AuditFilter, locale: Locale, now = new Date()) {
  const { rows } = await auditExport(filter);
  const t = serverT(locale, "audit");
  const say = await auditWords(locale);
  const header = [
    "id",
    "ISO 8601",
    t("col.when"),
    t("col.who"),
    t("col.action"),
    t("col.what"),
    t("col.object"),
    t("col.objectId"),
    t("col.subject"),
  ];
  const lines = rows
    .map(say)
    .map((l) => [l.id, l.at, l.local, l.actor, l.action, l.sentence, l.kind, l.objectId, l.subject]);
  return { body: toCsv(header, lines), filename: `weike-audit-${localDay(now)}.csv` };
}
