import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/react";
import { clearSessionCookie } from "~/auth/cookie";
import { getSession } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { invalidateSession } from "~/auth/session.server";
import { flashCookie } from "~/lib/flash.server";

export const handle = { route: "/logout" } satisfies RouteHandle;

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) await invalidateSession(session.sessionId);
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie(request));
  headers.append("Set-Cookie", flashCookie({ key: "auth:login.signedOut", kind: "info" }));
  return redirect("/login", { headers });
}
