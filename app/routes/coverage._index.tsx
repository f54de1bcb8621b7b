import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { coverageTeams } from "~/assignments/coverage-view.server";
import { coverage, coveragePeople } from "~/assignments/coverage.server";
import { percent } from "~/assignments/rules";
import { coverageQuery } from "~/assignments/schemas";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { RankingChart } from "~/components/charts/RankingChart";
import { TableScroll } from "~/components/ui/TableScroll";
import { AREAS } from "~/content/competencies";
import { db } from "~/lib/db.server";
import { orErrorPage } from "~/lib/errors.server";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { parseQuery } from "~/lib/query.server";
import chartCss from "~/styles/surveys.css?url";

export const handle = { route: "/coverage" } satisfies RouteHandle;
export const meta = pageMeta("assignments:cov.title");
// The chart styles (its frame scrolls on its own on a narrow screen) live with the dashboard's.
export const links = () => [{ rel: "stylesheet", href: chartCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const q = parseQuery(request, coverageQuery);
  const { teamIds, teams } = await orErrorPage(() => coverageTeams(user, q.team));
  const filter = { ...q, teamIds, assignedOnly: q.assigned === "1" };
  const [cells, series] = await Promise.all([
    coverage(filter),
    db.series.findMany({
      where: { retired: false },
      orderBy: { slug: "asc" },
      select: { id: true, titleZh: true, titleEn: true },
    }),
  ]);
  const drill =
    q.cellTeam && q.cellCourse
      ? await orErrorPage(async () => {
          await coverageTeams(user, q.cellTeam);
          return {
            teamId: q.cellTeam!,
            courseId: q.cellCourse!,
            people: await coveragePeople(filter, q.cellTeam!, q.cellCourse!),
          };
        })
      : null;
  return { cells, teams, series, q, drill };
}

const STATE_KEYS = ["done", "progress", "new", "overdue"] as const;

export default function Coverage() {
  const { t } = useTranslation("assignments");
  const { t: tc } = useTranslation("catalogue");
  const locale = useLocale();
  const location = useLocation();
  const { cells, teams, series, q, drill } = useLoaderData<typeof loader>();
  const cellHref = (teamId: number, courseId: number) => {
    const p = new URLSearchParams(location.search);
    p.set("cellTeam", String(teamId));
    p.set("cellCourse", String(courseId));
    return `/coverage?${p}#people`;
  };
  const byTeam = new Map<string, { done: number; total: number }>();
  for (const c of cells) {
    const s = byTeam.get(c.teamName) ?? { done: 0, total: 0 };
    s.done += c.counts.done;
    s.total += c.total;
    byTeam.set(c.teamName, s);
  }
  const drillCell = drill ? cells.find((c) => c.teamId === drill.teamId && c.courseId === drill.courseId) : null;
  const csvQuery = new URLSearchParams(location.search);
  csvQuery.delete("cellTeam");
  csvQuery.delete("cellCourse");
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("cov.title")}</h1>
          <p className="muted">{t("cov.intro")}</p>
        </div>
        <a className="button secondary" href={`/coverage.csv?${csvQuery}`} download>
          {t("cov.csv")}
        </a>
      </div>
      <Form method="get" className="row">
        <div className="field">
          <label htmlFor="cov-team">{t("cov.team")}</label>
          <select id="cov-team" name="team" defaultValue={q.team ?? ""}>
            <option value="">{t("cov.allTeams")}</option>
            {teams.map((tm) => (
              <option key={tm.id} value={tm.id}>
                {tm.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cov-area">{t("cov.area")}</label>
          <select id="cov-area" name="area" defaultValue={q.area ?? ""}>
            <option value="">{t("cov.allAreas")}</option>
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {tc(messageKey("catalogue", `area.${a}`))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cov-series">{t("cov.series")}</label>
          <select id="cov-series" name="series" defaultValue={q.series ?? ""}>
            <option value="">{t("cov.allSeries")}</option>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {localTitle(locale, s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cov-from">{t("cov.from")}</label>
          <input id="cov-from" type="date" name="from" defaultValue={q.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="cov-to">{t("cov.to")}</label>
          <input id="cov-to" type="date" name="to" defaultValue={q.to ?? ""} />
        </div>
        <label className="check">
          <input type="checkbox" name="assigned" value="1" defaultChecked={q.assigned === "1"} />{" "}
          {t("cov.assignedOnly")}
        </label>
        <button type="submit" className="secondary">
          {t("cov.show")}
        </button>
      </Form>
      {cells.length === 0 ? (
        <p className="empty">{t("cov.empty")}</p>
      ) : (
        <>
          <RankingChart
            title={t("cov.chart")}
            xLabel={t("cov.percent")}
            yLabel={t("cov.team")}
            rateLabel={t("cov.percent")}
            responsesLabel={t("cov.total")}
            layout="vertical"
            rows={[...byTeam].map(([name, s]) => ({
              name,
              rate: s.total ? s.done / s.total : null,
              responses: s.total,
            }))}
          />
          <TableScroll>
            <table className="table" id="coverage-table">
              <thead>
                <tr>
                  <th scope="col">{t("cov.team")}</th>
                  <th scope="col">{t("cov.course")}</th>
                  <th scope="col">{t("cov.total")}</th>
                  {STATE_KEYS.map((k) => (
                    <th key={k} scope="col">
                      {t(`state.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={`${c.teamId}:${c.courseId}`}>
                    <td>{c.teamName}</td>
                    <th scope="row">
                      <Link to={cellHref(c.teamId, c.courseId)}>{localTitle(locale, c)}</Link>
                    </th>
                    <td>{c.total}</td>
                    {STATE_KEYS.map((k) => (
                      <td key={k} data-state={k}>
                        {t("cov.cell", { n: c.counts[k], pct: percent(c.counts[k], c.total) })}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {drill && drillCell ? (
        <section className="card" id="people" aria-labelledby="people-h">
          <h2 id="people-h">{t("cov.people", { team: drillCell.teamName, course: localTitle(locale, drillCell) })}</h2>
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("cov.person")}</th>
                  <th scope="col">{t("cov.state")}</th>
                  <th scope="col">{t("cov.completedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {drill.people.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {p.name} <span className="small muted">{p.employeeNo}</span>
                    </td>
                    <td>{t(`state.${p.state}`)}</td>
                    <td>{p.completedOn ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </div>
  );
}
