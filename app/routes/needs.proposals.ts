// The contract other pages post to (the competency team view): `teamId`, one or two
// `competency` ids and a `redirectTo`. Answers with a redirect and a toast; a refusal is a plain
// status with its message, since the posting page is not this route's.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { DomainError, invalid, refusal } from "~/lib/errors";
import { errorText } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { readForm } from "~/lib/read-form.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { parseForm } from "~/lib/validation";
import { proposeNeeds } from "~/needs/proposals.server";
import { proposalSchema } from "~/needs/schemas";

export const handle = { route: "/needs/proposals" } satisfies RouteHandle;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const parsed = parseForm(proposalSchema, await readForm(request), ["competency"]);
  const done = parsed.success
    ? await proposeNeeds(user, parsed.data).catch(refusal)
    : invalid(Object.values(parsed.errors)[0] ?? "common:form.invalid");
  if (done instanceof DomainError) {
    const common = serverT(detectLocale(request), "common");
    return errorText(done, (key, params) => common(messageKey("common", key), params));
  }
  const to = safeRedirectPath(parsed.success ? parsed.data.redirectTo : null, "/needs");
  return redirectWithToast(to, { key: "needs:proposals.saved", params: { count: done.added } });
}
