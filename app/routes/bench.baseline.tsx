// A bare page that renders a static list without touching the database: the bench measures
// every other page against it in the same run.
import { useLoaderData } from "@remix-run/react";
import type { RouteHandle } from "~/auth/route-access";

export const handle = { route: "/bench/baseline" } satisfies RouteHandle;

const ITEMS = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, label: `Item ${i + 1}` }));

export async function loader() {
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
