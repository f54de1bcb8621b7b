import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { DashboardCharts } from "~/components/surveys/DashboardCharts";
import { DashboardComments } from "~/components/surveys/DashboardComments";
import { DashboardCompare } from "~/components/surveys/DashboardCompare";
import { DashboardFilters } from "~/components/surveys/DashboardFilters";
import { DashboardSessions } from "~/components/surveys/DashboardSessions";
import { KpiCards } from "~/components/surveys/KpiCards";
import { pageMeta } from "~/lib/i18n/meta";
import css from "~/styles/surveys.css?url";
import { dashboardSearch, parseDashboardQuery } from "~/surveys/dashboard-query";
import { loadDashboard, loadFilterOptions } from "~/surveys/dashboard.server";

export const handle = { route: "/dashboard" } satisfies RouteHandle;
export const meta = pageMeta("surveys:dash.title");
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const query = parseDashboardQuery(new URL(request.url));
  const [dashboard, options] = await Promise.all([loadDashboard(user, query), loadFilterOptions(user)]);
  const { range, ...filters } = query;
  return {
    ...dashboard,
    options,
    filters,
    range: { from: range.from, to: range.to, notice: range.notice },
    search: dashboardSearch(query),
  };
}

export default function Dashboard() {
  const { t } = useTranslation("surveys");
  const d = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("dash.title")}</h1>
          <p className="muted">{d.options.everything ? t("dash.scopeAll") : t("dash.scopeTrainer")}</p>
        </div>
        <div className="row">
          <a className="button secondary" href={`/dashboard/figures.csv?${d.search}`} download>
            {t("dash.export.figures")}
          </a>
          <a className="button secondary" href={`/dashboard/responses.csv?${d.search}`} download>
            {t("dash.export.responses")}
          </a>
          <Link className="button secondary" to="/surveys/sessions/new">
            {t("newSession.link")}
          </Link>
        </div>
      </div>
      <DashboardFilters from={d.range.from} to={d.range.to} {...d.filters} options={d.options} />
      {d.range.notice ? (
        <p className="alert alert--warn" role="status">
          {t(`dash.${d.range.notice}`)}
        </p>
      ) : null}
      {d.filters.sessionId ? (
        <p className="alert alert--info">
          {t("dash.oneSession", { id: d.filters.sessionId })}{" "}
          <Link to={`/dashboard?${d.search.replace(/&?session=\d+/, "")}`}>{t("dash.allSessions")}</Link>
        </p>
      ) : null}
      <KpiCards f={d.kpis} />
      {d.kpis.responses === 0 ? <p className="empty">{t("dash.empty")}</p> : null}

      <DashboardCompare compare={d.compare} />
      <DashboardCharts d={d} />

      <DashboardSessions sessions={d.sessions} pages={d.sessionPages} search={d.search} />
      <DashboardComments comments={d.comments} pages={d.commentPages} />
    </div>
  );
}
