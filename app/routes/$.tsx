import type { RouteHandle } from "~/auth/route-access";
// Any unknown URL: the 404 page inside the app shell.
import { notFound } from "~/lib/errors";
import { errorPage } from "~/lib/errors.server";
import { pageMeta } from "~/lib/i18n/meta";

export const handle = { route: "/*" } satisfies RouteHandle;
export const meta = pageMeta("common:error.heading.404");

export async function loader() {
  throw errorPage(notFound());
}

export async function action() {
  throw errorPage(notFound());
}

export default function NotFound() {
  return null;
}
