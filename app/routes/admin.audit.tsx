import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAudit } from "~/admin/audit.server";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { formatDateTime } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";

export const handle = { route: "/admin/audit" } satisfies RouteHandle;
export const meta = pageMeta("admin:audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const page = pageFrom(new URL(request.url));
  const { total, rows } = await listAudit(page);
  return { page, pages: pageCount(total), rows };
}

export default function AuditLogPage() {
  const { t } = useTranslation("admin");
  const locale = useLocale();
  const { page, pages, rows } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← {t("users.title")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      {rows.length === 0 ? (
        <p className="empty">{t("audit.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.subject")}</th>
              <th scope="col">{t("audit.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt, locale)}</td>
                <td>{r.actor?.name ?? "—"}</td>
                <td>{t(`audit.${r.action}`, { defaultValue: r.action })}</td>
                <td>{r.subject ? <Link to={`/admin/users/${r.subject.id}`}>{r.subject.name}</Link> : "—"}</td>
                <td>
                  <code className="small">{r.detail}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
