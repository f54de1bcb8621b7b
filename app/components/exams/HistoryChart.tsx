import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistorySeries } from "~/exams/history";
import { formatNumber } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { useLocale } from "~/lib/i18n/use-locale";

/**
 * One small chart per exam: characters a minute, words a minute and seconds are different
 * quantities, so each gets its own line and its own labelled axis.
 */
export function HistoryChart({ series, names }: { series: HistorySeries[]; names: Record<string, string> }) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  return (
    <section className="stack" aria-label={t("history.chart")}>
      <p className="small muted">{t("history.chart")}</p>
      {series.map((s) => {
        const axis = t(messageKey("exams", `axis.${s.unit}`));
        const value = (n: number) => t(messageKey("exams", `unit.${s.unit}`), { n: formatNumber(n, locale) });
        return (
          <figure key={s.exam} className="card exams-chart" data-testid={`history-chart-${s.exam}`}>
            <figcaption>
              {names[s.exam] ?? s.exam} <span className="small muted">({axis})</span>
            </figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={s.points} margin={{ top: 10, right: 20, bottom: 20, left: 10 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" label={{ value: t("axis.date"), position: "insideBottom", offset: -10 }} />
                <YAxis label={{ value: axis, angle: -90, position: "insideLeft" }} />
                <Tooltip formatter={(v) => value(Number(v))} />
                <Line type="monotone" dataKey="value" name={names[s.exam] ?? s.exam} stroke="#0f6e6e" dot />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        );
      })}
    </section>
  );
}
