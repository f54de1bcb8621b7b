import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { csvResponse } from "~/lib/csv";
import { DomainError, refusal } from "~/lib/errors";
import { errorText } from "~/lib/errors.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { searchParamsObject } from "~/lib/validation";
import { archiveCsv } from "~/workflow/archive-csv.server";
import { archiveFilterSchema } from "~/workflow/schemas";

export const handle = { route: "/archive.csv" } satisfies RouteHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const locale = detectLocale(request);
  const filter = archiveFilterSchema.parse(searchParamsObject(new URL(request.url)));
  const csv = await archiveCsv(filter, locale).catch(refusal);
  if (csv instanceof DomainError) {
    const common = serverT(locale, "common");
    return errorText(csv, (key, params) => common(messageKey("common", key), params));
  }
  return csvResponse(csv.body, csv.filename);
}
