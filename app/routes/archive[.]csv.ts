import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { DomainError, refusal } from "~/lib/errors";
import { errorText } from "~/lib/errors.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { searchParamsObject } from "~/lib/validation";
import { archiveExport } from "~/workflow/archive.server";
import { toCsv } from "~/workflow/csv";
import { archiveFilterSchema } from "~/workflow/schemas";
import { toLocalInput } from "~/workflow/time";

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
  const title = (x: { titleZh: string; titleEn: string } | null) =>
    x ? (locale === "zh" ? x.titleZh : x.titleEn || x.titleZh) : "";
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
    const start = toLocalInput(r.startsAt);
    return [
      r.id,
      r.request?.id ?? "",
      start.slice(0, 10),
      start.slice(11),
      toLocalInput(r.endsAt).slice(11),
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
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="weike-archive-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
