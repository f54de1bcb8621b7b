import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/react";
import { safeRedirectPath } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { isLocale, LANG_COOKIE } from "~/lib/i18n/locale";
import { readForm } from "~/lib/read-form.server";

export const handle = { route: "/lang" } satisfies RouteHandle;

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const back = safeRedirectPath(String(form.get("redirectTo") ?? "/"));
  if (!isLocale(lang)) return redirect(back);
  return redirect(back, {
    headers: { "Set-Cookie": `${LANG_COOKIE}=${lang}; Path=/; SameSite=Lax; Max-Age=${365 * 24 * 3600}` },
  });
}
