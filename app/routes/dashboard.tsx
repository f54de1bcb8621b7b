import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { CompareChart } from "~/components/charts/CompareChart";
import { DistributionChart } from "~/components/charts/DistributionChart";
import { SERIES } from "~/components/charts/palette";
import { RankingChart } from "~/components/charts/RankingChart";
import { TrendChart } from "~/components/charts/TrendChart";
import { DashboardFilters } from "~/components/surveys/DashboardFilters";
import { dateText } from "~/components/surveys/format-cache";
import { KpiCards, useFigureFormat } from "~/components/surveys/KpiCards";
import { Pagination } from "~/components/ui/Pagination";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
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
  const locale = useLocale();
  const fmt = useFigureFormat();
  const d = useLoaderData<typeof loader>();
  const title = (r: { titleZh: string; titleEn: string }) => localTitle(locale, r);
  const scale = [1, 2, 3, 4, 5].map((n) => t(messageKey("surveys", `scale.${n}`)));
  // The gap between the two figures as printed (96.9% − 93.5% = 3.4), so the page adds up.
  const round1 = (v: number) => Math.round(v * 1000) / 10;
  const diff =
    d.compare.micro.satisfactionRate !== null && d.compare.all.satisfactionRate !== null
      ? round1(d.compare.micro.satisfactionRate) - round1(d.compare.all.satisfactionRate)
      : null;
  const pctOf = (v: number | null) => (v === null ? null : v * 100);
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

      <section className="card" aria-labelledby="cmp-h">
        <h2 id="cmp-h">{t("dash.compare.title")}</h2>
        <div className="dash-compare">
          <div data-compare="micro">
            <p className="muted small">
              {t("dash.compare.micro")} · {t("dash.kpi.satisfaction")}
            </p>
            <p className="dash-compare__value" style={{ color: SERIES.micro }}>
              {fmt.rate(d.compare.micro.satisfactionRate)}
            </p>
            <p className="muted small">
              {t("dash.kpi.responses")}: {fmt.int(d.compare.micro.responses)} · {t("dash.kpi.helpful")}:{" "}
              {fmt.rate(d.compare.micro.helpfulRate)}
            </p>
          </div>
          <div data-compare="all">
            <p className="muted small">
              {t("dash.compare.all")} · {t("dash.kpi.satisfaction")}
            </p>
            <p className="dash-compare__value" style={{ color: SERIES.all }}>
              {fmt.rate(d.compare.all.satisfactionRate)}
            </p>
            <p className="muted small">
              {t("dash.kpi.responses")}: {fmt.int(d.compare.all.responses)} · {t("dash.kpi.helpful")}:{" "}
              {fmt.rate(d.compare.all.helpfulRate)}
            </p>
          </div>
        </div>
        {diff !== null ? <p>{t("dash.compare.diff", { diff: (diff >= 0 ? "+" : "") + diff.toFixed(1) })}</p> : null}
      </section>
      <CompareChart
        title={t("dash.compare.chart")}
        microLabel={t("dash.compare.micro")}
        allLabel={t("dash.compare.all")}
        metricLabel={t("dash.col.name")}
        metrics={[
          {
            label: t("dash.kpi.satisfaction"),
            micro: pctOf(d.compare.micro.satisfactionRate),
            all: pctOf(d.compare.all.satisfactionRate),
          },
          {
            label: t("dash.kpi.helpful"),
            micro: pctOf(d.compare.micro.helpfulRate),
            all: pctOf(d.compare.all.helpfulRate),
          },
          { label: t("dash.kpi.index"), micro: d.compare.micro.index, all: d.compare.all.index },
        ]}
      />
      <TrendChart
        title={t("dash.trend.title")}
        xLabel={t("dash.trend.x")}
        yLabel={t("dash.trend.y")}
        microLabel={t("dash.compare.micro")}
        allLabel={t("dash.compare.all")}
        responsesLabel={t("dash.kpi.responses")}
        points={d.trend.map((p) => ({
          month: p.month,
          all: p.all?.satisfactionRate ?? null,
          micro: p.micro?.satisfactionRate ?? null,
          allN: p.all?.responses ?? 0,
          microN: p.micro?.responses ?? 0,
        }))}
      />
      <RankingChart
        title={t("dash.courses.title")}
        xLabel={t("dash.courses.x")}
        yLabel={t("dash.courses.y")}
        rateLabel={t("dash.kpi.satisfaction")}
        responsesLabel={t("dash.kpi.responses")}
        layout="vertical"
        rows={d.courses.map((c) => ({ name: title(c), rate: c.satisfactionRate, responses: c.responses }))}
      />
      <DistributionChart
        title={t("dash.dist.title")}
        xLabel={t("dash.dist.x")}
        yLabel={t("dash.dist.y")}
        scaleLabels={scale}
        rows={d.distribution.map((q) => ({ question: t(`short.${q.item}`), counts: q.counts ?? [0, 0, 0, 0, 0] }))}
      />
      <RankingChart
        title={t("dash.trainers.title")}
        xLabel={t("dash.trainers.y")}
        yLabel={t("dash.trainers.x")}
        rateLabel={t("dash.kpi.satisfaction")}
        responsesLabel={t("dash.kpi.responses")}
        layout="horizontal"
        color={SERIES.neutral}
        rows={d.trainers.map((r) => ({ name: r.name, rate: r.satisfactionRate, responses: r.responses }))}
      />

      <section className="card" aria-labelledby="sess-h">
        <h2 id="sess-h">{t("dash.sessions.title")}</h2>
        {d.sessions.length === 0 ? (
          <p className="empty">{t("dash.empty")}</p>
        ) : (
          <div className="chart">
            <table className="table" data-testid="sessions-table">
              <thead>
                <tr>
                  <th scope="col">{t("dash.col.date")}</th>
                  <th scope="col">{t("dash.col.course")}</th>
                  <th scope="col">{t("dash.col.trainer")}</th>
                  <th scope="col">{t("dash.kpi.responses")}</th>
                  <th scope="col">{t("dash.kpi.responseRate")}</th>
                  <th scope="col">{t("dash.kpi.satisfaction")}</th>
                  <th scope="col">{t("dash.kpi.mean")}</th>
                  <th scope="col">{t("dash.kpi.helpful")}</th>
                  <th scope="col">{t("dash.kpi.nps")}</th>
                </tr>
              </thead>
              <tbody>
                {d.sessions.map((s) => (
                  <tr key={s.surveyId} data-session={s.sessionId}>
                    <td>{dateText(s.heldOn, locale)}</td>
                    <th scope="row">
                      <Link to={`/dashboard?${d.search.replace(/&?session=\d+/, "")}&session=${s.sessionId}`}>
                        {title(s)}
                      </Link>{" "}
                      {s.kind === "other" ? <span className="badge">{t("kind.other")}</span> : null}
                      {s.anonymous ? <span className="badge">{t("dash.comments.anonymous")}</span> : null}
                    </th>
                    <td>{s.trainer}</td>
                    <td>
                      {s.responses}/{s.invited}
                    </td>
                    <td>{fmt.rate(s.responseRate)}</td>
                    {s.suppressed ? (
                      <td colSpan={4} className="muted small">
                        {t("dash.suppressed")}
                      </td>
                    ) : (
                      <>
                        <td>{fmt.rate(s.satisfactionRate)}</td>
                        <td>{fmt.num(s.meanScore)}</td>
                        <td>{fmt.rate(s.helpfulRate)}</td>
                        <td>{fmt.num(s.nps, 0)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={d.sessionPages.page} pages={d.sessionPages.pages} />
      </section>

      <section className="card" aria-labelledby="com-h">
        <h2 id="com-h">{t("dash.comments.title")}</h2>
        {d.comments.length === 0 ? (
          <p className="empty">{t("dash.comments.empty")}</p>
        ) : (
          <ul className="dash-comments">
            {d.comments.map((c, i) => (
              <li key={i}>
                {c.comment}
                <br />
                <span className="muted small">
                  {title(c)} · {dateText(c.heldOn, locale)}
                  {c.anonymous ? ` · ${t("dash.comments.anonymous")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
