import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";
import { useLocale } from "~/lib/i18n/use-locale";
import type { Figures } from "~/surveys/figures";
import { numberText, percentText } from "./format-cache";

export type ShownFigures = Figures & { suppressed: boolean; withheld?: number };

export function useFigureFormat() {
  const locale = useLocale();
  return {
    rate: (v: number | null) => (v === null ? "—" : percentText(v, locale)),
    num: (v: number | null, digits = 2) => (v === null ? "—" : numberText(v, locale, digits)),
    int: (v: number) => numberText(v, locale),
  };
}

export function KpiCards({ f }: { f: ShownFigures }) {
  const { t } = useTranslation("surveys");
  const fmt = useFigureFormat();
  const cards: [string, string, string?][] = [
    ["dash.kpi.responses", fmt.int(f.responses), t("dash.kpi.of", { n: fmt.int(f.invited) })],
    ["dash.kpi.responseRate", fmt.rate(f.responseRate)],
    ["dash.kpi.satisfaction", fmt.rate(f.satisfactionRate)],
    ["dash.kpi.mean", fmt.num(f.meanScore)],
    ["dash.kpi.index", fmt.num(f.index, 1)],
    ["dash.kpi.helpful", fmt.rate(f.helpfulRate)],
    ["dash.kpi.nps", fmt.num(f.nps, 1)],
  ];
  return (
    <section aria-label={t("dash.title")}>
      {f.suppressed ? <p className="alert alert--info">{t("dash.suppressed")}</p> : null}
      {!f.suppressed && f.withheld ? (
        <p className="muted small" data-withheld={f.withheld}>
          {t("dash.withheld", { count: f.withheld })}
        </p>
      ) : null}
      <dl className="dash-kpis">
        {cards.map(([key, value, sub]) => (
          <div key={key} className="card dash-kpi" data-kpi={key.slice(9)}>
            <dt className="muted small">{t(messageKey("surveys", key))}</dt>
            <dd className="dash-kpi__value">{value}</dd>
            {sub ? <dd className="muted small">{sub}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
