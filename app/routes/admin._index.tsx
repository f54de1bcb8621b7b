import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { userSearchSchema } from "~/admin/schemas";
import { listUsers } from "~/admin/users.server";
import { requireRouteAccess } from "~/auth/guards.server";
import { ROLES } from "~/auth/roles";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { TableScroll } from "~/components/ui/TableScroll";
import { joinList } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { searchParamsObject } from "~/lib/validation";

export const handle = { route: "/admin" } satisfies RouteHandle;
export const meta = pageMeta("admin:users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const url = new URL(request.url);
  const filters = userSearchSchema.parse(searchParamsObject(url));
  const page = pageFrom(url);
  const { total, users } = await listUsers({ ...filters, page });
  return { ...filters, page, pages: pageCount(total), total, users };
}

export default function AdminUsers() {
  const { t } = useTranslation(["admin", "common"]);
  const locale = useLocale();
  const { q, role, page, pages, total, users } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("users.title")}</h1>
          <p className="muted">{t("users.count", { count: total })}</p>
        </div>
        <div className="row">
          <Link to="/admin/teams" className="button secondary">
            {t("users.teams")}
          </Link>
          <Link to="/admin/import" className="button secondary">
            {t("users.import")}
          </Link>
          <Link to="/admin/deactivate" className="button secondary">
            {t("users.deactivateFile")}
          </Link>
          <Link to="/admin/content" className="button secondary">
            {t("users.content")}
          </Link>
          <Link to="/admin/audit" className="button secondary">
            {t("users.audit")}
          </Link>
          <Link to="/admin/users/new" className="button">
            {t("users.new")}
          </Link>
        </div>
      </div>
      <Form method="get" className="row card" role="search" aria-label={t("users.search")}>
        <div className="field">
          <label htmlFor="q">{t("users.search")}</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q ?? ""}
            placeholder={t("users.searchPlaceholder")}
            maxLength={100}
          />
        </div>
        <div className="field">
          <label htmlFor="role">{t("users.roleFilter")}</label>
          <select id="role" name="role" defaultValue={role ?? ""}>
            <option value="">{t("users.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(messageKey("common", `common:role.${r}`))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("common:form.search")}
        </button>
      </Form>
      {users.length === 0 ? (
        <p className="empty">{t("users.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("users.col.name")}</th>
                <th scope="col">{t("users.col.email")}</th>
                <th scope="col">{t("users.col.employeeNo")}</th>
                <th scope="col">{t("users.col.team")}</th>
                <th scope="col">{t("users.col.roles")}</th>
                <th scope="col">{t("users.col.grade")}</th>
                <th scope="col">{t("users.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  </td>
                  <td>{u.email}</td>
                  <td>{u.employeeNo}</td>
                  <td>{u.team?.name ?? "—"}</td>
                  <td>
                    {joinList(
                      u.roles.map((r) => t(messageKey("common", `common:role.${r}`))),
                      locale,
                    )}
                  </td>
                  <td>{t(messageKey("common", `common:grade.${u.grade}`))}</td>
                  <td>
                    <span className={`badge ${u.active ? "badge--ok" : "badge--danger"}`}>
                      {u.active ? t("users.active") : t("users.inactive")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
