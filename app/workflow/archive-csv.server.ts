// The archive as a spreadsheet: one row per session matching the filter, headers and states in
// the reader's language, days and times in the centre's zone.
import { localDay, localTime } from "~/lib/clock";
import { toCsv } from "~/lib/csv";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import type { Locale } from "~/lib/i18n/locale";
import { localTitle } from "~/lib/i18n/localized";
import { archiveExport } from "./archive.server";
import type { ArchiveFilter } from "./schemas";

const COLUMNS = [
  "session",
  "request",
  "date",
  "start",
  "end",
  "course",
  "series",
  "trainer",
  "place",
  "team",
  "present",
  "late",
  "absent",
  "state",
  "notes",
] as const;

/** The CSV text and its file name; refuses (throws) like `archiveExport` on a bad filter. */
export async function archiveCsv(filter: ArchiveFilter, locale: Locale, now = new Date()) {
  const found = await archiveExport(filter);
  const t = serverT(locale, "workflow");
  const title = (x: { titleZh: string; titleEn: string } | null) => (x ? localTitle(locale, x) : "");
  const header = COLUMNS.map((k) => t(messageKey("workflow", `csv.${k}`)));
  const rows = found.map((r) => [
    r.id,
    r.request?.id ?? "",
    localDay(r.startsAt),
    localTime(r.startsAt),
    localTime(r.endsAt),
    title(r.title),
    title(r.seriesTitle),
    r.trainer.name,
    r.room || r.onlineLink,
    r.team,
    r.counts.present,
    r.counts.late,
    r.counts.absent,
    t(messageKey("workflow", `state.${r.status}`)),
    r.notes,
  ]);
  return { body: toCsv(header, rows), filename: `weike-archive-${localDay(now)}.csv` };
}
