import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { readsNeedsResults, runsNeedsSurvey } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { formatDateTime } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { listRounds } from "~/needs/rounds.server";
import { endOf } from "~/needs/scoring";

export const handle = { route: "/needs" } satisfies RouteHandle;
export const meta = pageMeta("needs:list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const page = pageFrom(new URL(request.url));
  const list = await listRounds(user, page);
  return {
    rows: list.rows.map((r) => ({ ...r, endsAt: endOf(r) })),
    page,
    pages: pageCount(list.total),
    runs: runsNeedsSurvey(user),
    reads: readsNeedsResults(user),
  };
}

export default function NeedsList() {
  const { t } = useTranslation(["needs", "common"]);
  const locale = useLocale();
  const { rows, page, pages, runs, reads } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{t("list.title")}</h1>
      <p className="muted">{t("list.intro")}</p>
      {runs ? (
        <p>
          <Link to="/needs/new" className="button">
            {t("list.new")}
          </Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">{runs ? t("list.empty") : t("list.emptyInvited")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("col.round")}</th>
              <th scope="col">{t("col.audience")}</th>
              <th scope="col">{t("col.closes")}</th>
              <th scope="col">{t("col.state")}</th>
              {runs ? <th scope="col">{t("col.responses")}</th> : null}
              <th scope="col">{t("col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/needs/${r.id}`}>{t("round.name", { year: r.year, id: r.id })}</Link>
                </td>
                <td>{t(messageKey("needs", `audience.${r.audience}`))}</td>
                <td>{formatDateTime(r.endsAt, locale)}</td>
                <td>
                  <span className={`badge ${r.open ? "badge--ok" : ""}`}>
                    {r.open ? t("state.open") : t("state.closed")}
                  </span>
                </td>
                {runs ? (
                  <td>
                    {r.answeredCount} / {r.invited}
                  </td>
                ) : null}
                <td>
                  {reads ? (
                    <Link to={`/needs/${r.id}/results`}>{t("link.results")}</Link>
                  ) : r.answered === null ? null : r.open ? (
                    <Link to={`/needs/${r.id}`}>{r.answered ? t("mine.answered") : t("mine.answer")}</Link>
                  ) : (
                    <span>{r.answered ? t("mine.answered") : t("mine.missed")}</span>
                  )}
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
