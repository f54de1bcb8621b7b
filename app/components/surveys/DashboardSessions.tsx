// The sessions table: one row per surveyed session, small groups' figures suppressed.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/ui/Pagination";
import { TableScroll } from "~/components/ui/TableScroll";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import type { DashboardView } from "./dashboard-view";
import { dateText } from "./format-cache";
import { useFigureFormat } from "./KpiCards";

export function DashboardSessions({
  sessions,
  pages,
  search,
}: {
  sessions: DashboardView["sessions"];
  pages: DashboardView["sessionPages"];
  search: string;
}) {
  const { t } = useTranslation("surveys");
  const locale = useLocale();
  const fmt = useFigureFormat();
  const title = (r: { titleZh: string; titleEn: string }) => localTitle(locale, r);
  return (
    <section className="card" aria-labelledby="sess-h">
      <h2 id="sess-h">{t("dash.sessions.title")}</h2>
      {sessions.length === 0 ? (
        <p className="empty">{t("dash.empty")}</p>
      ) : (
        <div className="chart">
          <TableScroll>
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
                {sessions.map((s) => (
                  <tr key={s.surveyId} data-session={s.sessionId}>
                    <td>{dateText(s.heldOn, locale)}</td>
                    <th scope="row">
                      <Link to={`/dashboard?${search.replace(/&?session=\d+/, "")}&session=${s.sessionId}`}>
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
          </TableScroll>
        </div>
      )}
      <Pagination page={pages.page} pages={pages.pages} />
    </section>
  );
}
