import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { seesAllTraining } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { TableScroll } from "~/components/ui/TableScroll";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { pageFrom } from "~/lib/pagination";
import { searchParamsObject } from "~/lib/validation";
import { listTrainerRecords } from "~/trainers/list.server";
import { listQuerySchema, TRAINER_FILTERS } from "~/trainers/schemas";

export const handle = { route: "/trainers" } satisfies RouteHandle;
export const meta = pageMeta("trainers:list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  // A trainer reads only their own record (decision 036): the list is their page.
  if (!seesAllTraining(user)) throw redirect(`/trainers/${user.id}`);
  const url = new URL(request.url);
  const query = listQuerySchema.safeParse(searchParamsObject(url));
  if (!query.success) return data({ query: { q: "", filter: "all" as const }, list: null }, { status: 400 });
  return { query: query.data, list: await listTrainerRecords(query.data, pageFrom(url)) };
}

export default function Trainers() {
  const { t } = useTranslation(["trainers", "common"]);
  const { query, list } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{t("list.title")}</h1>
      <Form method="get" className="row" role="search">
        <div className="field">
          <label htmlFor="f-q">{t("list.search")}</label>
          <input id="f-q" type="search" name="q" defaultValue={query.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="f-filter">{t("list.filter")}</label>
          <select id="f-filter" name="filter" defaultValue={query.filter}>
            {TRAINER_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(messageKey("trainers", `list.filter.${f}`))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("list.apply")}
        </button>
      </Form>
      {!list || list.rows.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <>
          <p className="muted">{t("list.count", { count: list.total })}</p>
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("col.name")}</th>
                  <th scope="col">{t("col.qualified")}</th>
                  <th scope="col">{t("col.delivered")}</th>
                  <th scope="col">{t("col.satisfaction")}</th>
                  <th scope="col">{t("col.certificates")}</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/trainers/${r.id}`}>{r.name}</Link>{" "}
                      {r.active ? null : <span className="muted small">({t("inactive")})</span>}
                    </th>
                    <td>{r.qualified}</td>
                    <td>{r.delivered}</td>
                    <td>
                      {r.satisfaction
                        ? t("satisfaction.value", {
                            rate: `${(r.satisfaction.rate * 100).toFixed(1)}%`,
                            day: r.satisfaction.day,
                            n: r.satisfaction.n,
                          })
                        : t("none")}
                    </td>
                    <td>
                      {r.certificates.length
                        ? r.certificates
                            .map((c) => `${c.name}${c.state === "expired" ? ` (${t("cert.expired")})` : ""}`)
                            .join("、")
                        : t("none")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination page={list.page} pages={list.pages} />
        </>
      )}
    </div>
  );
}
