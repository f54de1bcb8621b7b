import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { DomainError, refusal } from "~/lib/errors";
import { errorText } from "~/lib/errors.server";
import { serverT } from "~/lib/i18n/instance";
import { detectLocale } from "~/lib/i18n/locale";
import { searchParamsObject } from "~/lib/validation";
import { archiveExport } from "~/workflow/archive.server";
import { toCsv } from "~/workflow/csv";
import { archiveFilterSchema } from "~/workflow/schemas";
import { toLocalInput } from "~/workflow/time";

export const handle = { access: ["HR", "ADMIN"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "HR", "ADMIN");
  const locale = detectLocale(request);
  const t = serverT(locale, "workflow");
  const filter = archiveFilterSchema.parse(searchParamsObject(new URL(request.url)));
  const found = await archiveExport(filter).catch(refusal);
  if (found instanceof DomainError) return errorText(found, serverT(locale));
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
  ].map((k) => t(`csv.${k}`));
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
      t(`state.${r.status}`),
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
