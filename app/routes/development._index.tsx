import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { runsCourseProjects } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { TableScroll } from "~/components/ui/TableScroll";
import { listProjects, projectOwners } from "~/development/projects.server";
import { listFilterSchema } from "~/development/schemas";
import { STAGES } from "~/development/stages";
import { parseLocal } from "~/lib/clock";
import { formatDate } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { searchParamsObject } from "~/lib/validation";

export const handle = { route: "/development" } satisfies RouteHandle;
export const meta = pageMeta("development:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const url = new URL(request.url);
  const filter = listFilterSchema.parse(searchParamsObject(url));
  const page = pageFrom(url);
  const [found, owners] = await Promise.all([listProjects(user, filter, page), projectOwners()]);
  return {
    filter,
    owners,
    rows: found.rows,
    total: found.total,
    page,
    pages: pageCount(found.total),
    canCreate: runsCourseProjects(user),
  };
}

export default function Projects() {
  const { t } = useTranslation(["development", "common"]);
  const locale = useLocale();
  const { filter, owners, rows, total, page, pages, canCreate } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.stage || filter.owner);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
          <p className="muted">{t("count", { count: total })}</p>
        </div>
        {canCreate ? (
          <Link className="button primary" to="/development/new">
            {t("new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="row filters">
        <label>
          {t("filter.stage")}{" "}
          <select name="stage" defaultValue={filter.stage ?? ""}>
            <option value="">{t("filter.any")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filter.owner")}{" "}
          <select name="owner" defaultValue={filter.owner ?? ""}>
            <option value="">{t("filter.any")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("filter.apply")}</button>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">{t(filtered ? "emptyFiltered" : "empty")}</p>
      ) : (
        <TableScroll>
          <table className="table" data-testid="project-list">
            <thead>
              <tr>
                <th scope="col">{t("col.title")}</th>
                <th scope="col">{t("col.stage")}</th>
                <th scope="col">{t("col.owner")}</th>
                <th scope="col">{t("col.next")}</th>
                <th scope="col">{t("col.team")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/development/${r.id}`}>{r.title}</Link>{" "}
                    <span className="small muted">{t(messageKey("development", `format.${r.format}`))}</span>
                  </th>
                  <td>{t(messageKey("development", `stage.${r.stage}`))}</td>
                  <td>{r.owner.name}</td>
                  <td>
                    {r.next ? (
                      <>
                        {r.next.milestone.label || t(messageKey("development", `milestone.${r.next.milestone.kind}`))}{" "}
                        <span className={r.next.overdue ? "badge badge--warn" : "small muted"}>
                          {r.next.overdue
                            ? t("page.overdue")
                            : t("page.due", { day: formatDate(parseLocal(r.next.milestone.dueOn) ?? 0, locale) })}
                        </span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{r._count.members}</td>
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
