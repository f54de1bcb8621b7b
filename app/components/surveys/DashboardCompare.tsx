// Micro-courses against all training: the two satisfaction figures, their gap and the chart.
import { useTranslation } from "react-i18next";
import { CompareChart } from "~/components/charts/CompareChart";
import { SERIES } from "~/components/charts/palette";
import type { DashboardView } from "./dashboard-view";
import { useFigureFormat } from "./KpiCards";

export function DashboardCompare({ compare }: { compare: DashboardView["compare"] }) {
  const { t } = useTranslation("surveys");
  const fmt = useFigureFormat();
  // The gap between the two figures as printed (96.9% − 93.5% = 3.4), so the page adds up.
  const round1 = (v: number) => Math.round(v * 1000) / 10;
  const diff =
    compare.micro.satisfactionRate !== null && compare.all.satisfactionRate !== null
      ? round1(compare.micro.satisfactionRate) - round1(compare.all.satisfactionRate)
      : null;
  const pctOf = (v: number | null) => (v === null ? null : v * 100);
  return (
    <>
      <section className="card" aria-labelledby="cmp-h">
        <h2 id="cmp-h">{t("dash.compare.title")}</h2>
        <div className="dash-compare">
          <div data-compare="micro">
            <p className="muted small">
              {t("dash.compare.micro")} · {t("dash.kpi.satisfaction")}
            </p>
            <p className="dash-compare__value" style={{ color: SERIES.micro }}>
              {fmt.rate(compare.micro.satisfactionRate)}
            </p>
            <p className="muted small">
              {t("dash.kpi.responses")}: {fmt.int(compare.micro.responses)} · {t("dash.kpi.helpful")}:{" "}
              {fmt.rate(compare.micro.helpfulRate)}
            </p>
          </div>
          <div data-compare="all">
            <p className="muted small">
              {t("dash.compare.all")} · {t("dash.kpi.satisfaction")}
            </p>
            <p className="dash-compare__value" style={{ color: SERIES.all }}>
              {fmt.rate(compare.all.satisfactionRate)}
            </p>
            <p className="muted small">
              {t("dash.kpi.responses")}: {fmt.int(compare.all.responses)} · {t("dash.kpi.helpful")}:{" "}
              {fmt.rate(compare.all.helpfulRate)}
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
            micro: pctOf(compare.micro.satisfactionRate),
            all: pctOf(compare.all.satisfactionRate),
          },
          {
            label: t("dash.kpi.helpful"),
            micro: pctOf(compare.micro.helpfulRate),
            all: pctOf(compare.all.helpfulRate),
          },
          { label: t("dash.kpi.index"), micro: compare.micro.index, all: compare.all.index, unit: "" },
        ]}
      />
    </>
  );
}
