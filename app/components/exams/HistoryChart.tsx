import { useTranslation } from "react-i18next";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface HistoryPoint {
  date: string;
  typing?: number;
  response?: number;
}

/** Typing speed (left axis) and mean response time (right axis) over time. */
export function HistoryChart({ points }: { points: HistoryPoint[] }) {
  const { t } = useTranslation("exams");
  return (
    <figure className="card exams-chart" aria-label={t("history.chart")}>
      <figcaption className="small muted">{t("history.chart")}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis yAxisId="speed" />
          <YAxis yAxisId="time" orientation="right" />
          <Tooltip />
          <Legend />
          <Line
            yAxisId="speed"
            type="monotone"
            dataKey="typing"
            name={t("history.typing")}
            stroke="#0f6e6e"
            connectNulls
            dot
          />
          <Line
            yAxisId="time"
            type="monotone"
            dataKey="response"
            name={t("history.response")}
            stroke="#c2410c"
            connectNulls
            dot
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
