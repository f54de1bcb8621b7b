import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/guards.server";
import { contentStatus } from "~/catalogue/admin.server";

export const handle = { access: ["ADMIN"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
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
