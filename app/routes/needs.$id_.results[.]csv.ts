import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { csvResponse } from "~/lib/csv";
import { DomainError, notFound, refusal } from "~/lib/errors";
import { errorText } from "~/lib/errors.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { idSchema } from "~/lib/validation";
import { resultsCsv } from "~/needs/export.server";

export const handle = { route: "/needs/:id/results.csv" } satisfies RouteHandle;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const locale = detectLocale(request);
  const id = idSchema.safeParse(params.id);
  const csv = id.success ? await resultsCsv(id.data, locale).catch(refusal) : notFound();
  if (csv instanceof DomainError) {
    const common = serverT(locale, "common");
    return errorText(csv, (key, params) => common(messageKey("common", key), params));
  }
  return csvResponse(csv.body, csv.filename);
}
