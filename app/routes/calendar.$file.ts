import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";
import { detectLocale } from "~/lib/i18n/locale";
import { sessionIcs } from "~/workflow/calendar.server";

// /calendar/<session id>.ics
export const handle = { route: "/calendar/:file" } satisfies RouteHandle;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const m = /^(\d{1,9})\.ics$/.exec(params.file ?? "");
  const ics = m ? await sessionIcs(user, Number(m[1]), detectLocale(request), new URL(request.url).origin) : null;
  ensure(ics, notFound());
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="weike-session-${m![1]}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
