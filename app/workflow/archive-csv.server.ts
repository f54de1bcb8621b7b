// The archive as a spreadsheet: one row per session matching the filter, headers and states in
// the reader's language, days and times in the centre's zone.
import { localDay, localTime } from "~/lib/clock";
import { csvNumber, toCsv } from "~/lib/csv";
import { db } from "~/lib/db.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import type { Locale } from "~/lib/i18n/locale";
import { localTitle } from "~/lib/i18n/localized";
import { satisfactionBySession } from "~/surveys/summary.server";
import { archiveExport } from "./archive.server";
import type { ArchiveFilter } from "./schemas";

const COLUMNS = [
  "session",
  "request",
  "date",
  "start",
  "end",
  "courseCode",
  "course",
  "series",
  "trainer",
  "place",
  "team",
  "present",
  "late",
  "absent",
  "attendees",
  "satisfaction",
  "state",
  "notes",
] as const;

/** The CSV text and its file name; refuses (throws) like `archiveExport` on a bad filter. */
export async function archiveCsv(filter: ArchiveFilter, locale: Locale, now = new Date()) {
  const found = await archiveExport(filter);
  const ids = found.map((r) => r.id);
  const [attended, satisfaction] = await Promise.all([
    db.sessionAttendee.findMany({
      where: { sessionId: { in: ids }, attendance: { in: ["present", "late"] } },
      select: { sessionId: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    satisfactionBySession(ids),
  ]);
  const names = new Map<number, string[]>();
  for (const a of attended) names.set(a.sessionId, [...(names.get(a.sessionId) ?? []), a.user.name]);
  const t = serverT(locale, "workflow");
  const title = (x: { titleZh: string; titleEn: string } | null) => (x ? localTitle(locale, x) : "");
  const header = COLUMNS.map((k) => t(messageKey("workflow", `csv.${k}`)));
  const rows = found.map((r) => {
    const rate = satisfaction.get(r.id);
    return [
      r.id,
      r.request?.id ?? "",
      localDay(r.startsAt),
      localTime(r.startsAt),
      localTime(r.endsAt),
      r.course?.slug ?? "",
      title(r.title),
      // A course taught on its own, outside any series, says so instead of leaving the cell empty.
      r.seriesTitle ? title(r.seriesTitle) : t("csv.singleCourse"),
      r.trainer.name,
      r.room || r.onlineLink,
      r.team,
      r.counts.present,
      r.counts.late,
      r.counts.absent,
      (names.get(r.id) ?? []).join(t("csv.nameSeparator")),
      csvNumber(rate === null || rate === undefined ? null : rate * 100),
      t(messageKey("workflow", `state.${r.status}`)),
      r.notes,
    ];
  });
  return { body: toCsv(header, rows), filename: `weike-archive-${localDay(now)}.csv` };
}
