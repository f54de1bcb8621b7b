import type { RouteHandle } from "~/auth/route-access";
// Any unknown URL: the 404 page inside the app shell.
export const handle = { route: "/*" } satisfies RouteHandle;

export async function loader() {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export async function action() {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
