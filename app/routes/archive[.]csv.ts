import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { localDay, localTime } from "~/lib/clock";
import { csvResponse, toCsv } from "~/lib/csv";
import { serverT } from "~/lib/i18n/instance";
import { detectLocale } from "~/lib/i18n/locale";
import { localTitle } from "~/lib/i18n/localized";
import { searchParamsObject } from "~/lib/validation";
import { archiveExport } from "~/workflow/archive.server";
import { attempt } from "~/workflow/errors";
import { archiveFilterSchema } from "~/workflow/schemas";

export const handle = { access: ["HR", "ADMIN"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "HR", "ADMIN");
  const locale = detectLocale(request);
  const t = serverT(locale, "workflow");
  const filter = archiveFilterSchema.parse(searchParamsObject(new URL(request.url)));
  const found = await attempt(() => archiveExport(filter));
  if (!found.ok)
    return new Response(t(found.error.replace("workflow:", "")), {
      status: found.status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const title = (x: { titleZh: string; titleEn: string } | null) => (x ? localTitle(locale, x) : "");
  const header = [
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
  ].map((k) => t(`csv.${k}`));
  const rows = found.value.map((r) => {
    return [
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
      t(`state.${r.status}`),
      r.notes,
    ];
  });
  return csvResponse(toCsv(header, rows), `weike-archive-${localDay(new Date())}.csv`);
}
