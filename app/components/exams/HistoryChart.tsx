import { useTranslation } from "react-i18next";
import { LINE_BOX, linePoints, shownLabels, xAt, yAt, yTicks } from "~/components/charts/line-geometry";
import type { HistorySeries } from "~/exams/history";
import { formatNumber } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { useLocale } from "~/lib/i18n/use-locale";

const FONT = 12;
const LINE = "#0f6e6e";
const GRID = "#d9dee5";

/**
 * One small chart per exam: characters a minute, words a minute and seconds are different
 * quantities, so each gets its own line and its own labelled axis. Drawn as plain SVG while the
 * page renders (no chart library on this trainee page, decision 046); each point names its value.
 */
export function HistoryChart({ series, names }: { series: HistorySeries[]; names: Record<string, string> }) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const box = LINE_BOX;
  return (
    <section className="stack" aria-label={t("history.chart")}>
      <p className="small muted">{t("history.chart")}</p>
      {series.map((s) => {
        const axis = t(messageKey("exams", `axis.${s.unit}`));
        const value = (n: number) => t(messageKey("exams", `unit.${s.unit}`), { n: formatNumber(n, locale) });
        const name = names[s.exam] ?? s.exam;
        const values = s.points.map((p) => p.value);
        const ticks = yTicks(values);
        const top = ticks[ticks.length - 1]!;
        const bottom = box.height - box.bottom;
        return (
          <figure key={s.exam} className="card exams-chart" data-testid={`history-chart-${s.exam}`}>
            <figcaption>
              {name} <span className="small muted">({axis})</span>
            </figcaption>
            <svg
              className="exams-chart__svg"
              viewBox={`0 0 ${box.width} ${box.height}`}
              role="img"
              aria-label={`${name} (${axis})`}
              fontSize={FONT}
            >
              <g stroke={GRID} strokeDasharray="3 3">
                {ticks.map((v) => (
                  <line key={v} x1={box.left} x2={box.width - box.right} y1={yAt(box, v, top)} y2={yAt(box, v, top)} />
                ))}
              </g>
              <g fill="#5b6675" textAnchor="end">
                {ticks.map((v) => (
                  <text key={v} x={box.left - 6} y={yAt(box, v, top) + 4}>
                    {formatNumber(v, locale)}
                  </text>
                ))}
              </g>
              <text
                transform={`translate(14 ${(box.top + bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
                fill="#1f2933"
              >
                {axis}
              </text>
              <g fill="#5b6675" textAnchor="middle">
                {shownLabels(box, s.points.length).map((i) => (
                  <text key={i} x={xAt(box, i, s.points.length)} y={bottom + 16}>
                    {s.points[i]!.date}
                  </text>
                ))}
              </g>
              <text x={(box.left + box.width - box.right) / 2} y={box.height - 4} textAnchor="middle" fill="#1f2933">
                {t("axis.date")}
              </text>
              <polyline points={linePoints(box, values, top)} fill="none" stroke={LINE} strokeWidth={2} />
              {s.points.map((p, i) => (
                <circle key={p.date} cx={xAt(box, i, s.points.length)} cy={yAt(box, p.value, top)} r={3.5} fill={LINE}>
                  <title>{`${p.date}: ${value(p.value)}`}</title>
                </circle>
              ))}
            </svg>
          </figure>
        );
      })}
    </section>
  );
}
