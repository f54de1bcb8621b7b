// The trend, course ranking, answer distribution and trainer ranking charts.
import { useTranslation } from "react-i18next";
import { DistributionChart } from "~/components/charts/DistributionChart";
import { SERIES } from "~/components/charts/palette";
import { RankingChart } from "~/components/charts/RankingChart";
import { TrendChart } from "~/components/charts/TrendChart";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import type { DashboardView } from "./dashboard-view";
import { percentText } from "./format-cache";

export function DashboardCharts({ d }: { d: Pick<DashboardView, "trend" | "courses" | "distribution" | "trainers"> }) {
  const { t } = useTranslation("surveys");
  const locale = useLocale();
  const title = (r: { titleZh: string; titleEn: string }) => localTitle(locale, r);
  const scale = [1, 2, 3, 4, 5].map((n) => t(messageKey("surveys", `scale.${n}`)));
  return (
    <>
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
      {d.trainers.length === 1 ? (
        // One trainer is no comparison: a single bar would read as a ranking of one.
        <section className="chart card" aria-labelledby="trainers-one-h">
          <h2 id="trainers-one-h" className="chart__title">
            {t("dash.trainers.title")}
          </h2>
          <p data-testid="trainers-single">
            {t("dash.trainers.single", {
              name: d.trainers[0]!.name,
              rate:
                d.trainers[0]!.satisfactionRate === null ? "—" : percentText(d.trainers[0]!.satisfactionRate, locale),
              count: d.trainers[0]!.responses,
            })}
          </p>
        </section>
      ) : (
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
      )}
    </>
  );
}
