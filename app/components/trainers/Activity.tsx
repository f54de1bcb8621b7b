import { useTranslation } from "react-i18next";
import { TrendChart } from "~/components/charts/TrendChart";
import { Pagination } from "~/components/ui/Pagination";
import { TableScroll } from "~/components/ui/TableScroll";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import type { TrainerProfile } from "~/trainers/profile.server";

/** Classes delivered (paged), satisfaction over time and trial-lecture scores. */
export function Activity({ p }: { p: Pick<TrainerProfile, "classes" | "trend" | "trials"> }) {
  const { t } = useTranslation(["trainers", "workflow"]);
  const locale = useLocale();
  const hasTrend = p.trend.some((m) => m.all !== null || m.micro !== null);
  return (
    <>
      <section className="card stack" aria-labelledby="classes-h">
        <h2 id="classes-h">{t("classes.heading")}</h2>
        <p data-testid="classes-count">{t("classes.count", { count: p.classes.total })}</p>
        {p.classes.rows.length === 0 ? (
          <p className="empty">{t("classes.empty")}</p>
        ) : (
          <>
            <TableScroll>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("classes.day")}</th>
                    <th scope="col">{t("classes.course")}</th>
                    <th scope="col">{t("classes.attendees")}</th>
                    <th scope="col">{t("classes.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.classes.rows.map((c) => (
                    <tr key={c.id}>
                      <td>{c.day}</td>
                      <th scope="row">{localTitle(locale, c.title)}</th>
                      <td>{c.attendees}</td>
                      <td>{t(messageKey("workflow", `state.${c.status}`), { defaultValue: c.status })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination page={p.classes.page} pages={p.classes.pages} />
          </>
        )}
      </section>
      <section className="card stack" aria-labelledby="trend-h">
        <h2 id="trend-h">{t("trend.heading")}</h2>
        {hasTrend ? (
          <TrendChart
            title={t("trend.title")}
            xLabel={t("trend.month")}
            yLabel={t("trend.rate")}
            microLabel={t("trend.micro")}
            allLabel={t("trend.all")}
            responsesLabel={t("trend.responses")}
            points={p.trend}
          />
        ) : (
          <p className="empty">{t("trend.empty")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="trials-h">
        <h2 id="trials-h">{t("trials.heading")}</h2>
        {p.trials.length === 0 ? (
          <p className="empty">{t("trials.empty")}</p>
        ) : (
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("trials.course")}</th>
                  <th scope="col">{t("trials.score")}</th>
                  <th scope="col">{t("trials.day")}</th>
                </tr>
              </thead>
              <tbody>
                {p.trials.map((tr) => (
                  <tr key={tr.id}>
                    <th scope="row">{localTitle(locale, tr.course)}</th>
                    <td>{tr.score ?? t("none")}</td>
                    <td>{tr.on}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
