// A bare page that renders a static list without touching the database: the bench measures
// every other page against it in the same run. Anywhere else it is not there (404), so a
// production server has no public page that serves nothing.
import { useLoaderData } from "@remix-run/react";
import type { RouteHandle } from "~/auth/route-access";
import { benchBaselineOn } from "~/lib/env.server";
import { notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";

export const handle = { route: "/bench/baseline" } satisfies RouteHandle;

const ITEMS = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, label: `Item ${i + 1}` }));

export async function loader() {
  ensure(benchBaselineOn(), notFound());
  return { items: ITEMS };
}

export default function Baseline() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>{item.label}</li>
      ))}
    </ul>
  );
}
