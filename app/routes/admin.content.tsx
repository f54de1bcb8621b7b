import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { contentStatus } from "~/catalogue/admin.server";
import { pageMeta } from "~/lib/i18n/meta";

export const handle = { route: "/admin/content" } satisfies RouteHandle;
export const meta = pageMeta("catalogue:admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  return contentStatus();
}

export default function AdminContent() {
  const { t } = useTranslation("catalogue");
  const { problems, counts, courses } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("admin.title")}</h1>
          <p className="muted">{t("admin.intro")}</p>
        </div>
        <span className={`badge ${problems.length ? "badge--danger" : "badge--ok"}`}>
          {t("admin.count", { count: problems.length })}
        </span>
      </div>
      <p className="muted">{t("admin.courses", { count: courses, accepted: counts.accepted ?? 0 })}</p>
      {problems.length === 0 ? (
        <p className="empty">{t("admin.empty")}</p>
      ) : (
        <ul className="card" style={{ listStyle: "none", display: "grid", gap: "0.5rem" }}>
          {problems.map((p) => (
            <li key={p.id}>
              <code>
                {p.path}:{p.line}
              </code>
              : {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
