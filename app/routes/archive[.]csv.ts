import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { localDay, localTime } from "~/lib/clock";
import { csvResponse, toCsv } from "~/lib/csv";
import { DomainError, refusal } from "~/lib/errors";
import { errorText } from "~/lib/errors.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { localTitle } from "~/lib/i18n/localized";
import { searchParamsObject } from "~/lib/validation";
import { archiveExport } from "~/workflow/archive.server";
import { archiveFilterSchema } from "~/workflow/schemas";

export const handle = { route: "/archive.csv" } satisfies RouteHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const locale = detectLocale(request);
  const t = serverT(locale, "workflow");
  const filter = archiveFilterSchema.parse(searchParamsObject(new URL(request.url)));
  const found = await archiveExport(filter).catch(refusal);
  if (found instanceof DomainError) {
    const common = serverT(locale, "common");
    return errorText(found, (key, params) => common(messageKey("common", key), params));
  }
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
  ].map((k) => t(messageKey("workflow", `csv.${k}`)));
  const rows = found.map((r) => {
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
      t(messageKey("workflow", `state.${r.status}`)),
      r.notes,
    ];
  });
  return csvResponse(toCsv(header, rows), `weike-archive-${localDay(new Date())}.csv`);
}
