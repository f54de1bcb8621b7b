import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./ChartFrame";
import { GRID, pct, SERIES, percentAxisFloor } from "./palette";

export interface TrendPoint {
  month: string;
  all: number | null;
  micro: number | null;
  allN: number;
  microN: number;
}

interface Props {
  title: string;
  xLabel: string;
  yLabel: string;
  microLabel: string;
  allLabel: string;
  responsesLabel: string;
  points: TrendPoint[];
}

const W = 720;
const H = 300;

/** Satisfaction rate per month, micro-courses and all training as two lines. */
export function TrendChart({ title, xLabel, yLabel, microLabel, allLabel, responsesLabel, points }: Props) {
  const data = points.map((p) => ({
    month: p.month,
    all: p.all === null ? null : +(p.all * 100).toFixed(1),
    micro: p.micro === null ? null : +(p.micro * 100).toFixed(1),
  }));
  const floor = percentAxisFloor(data.flatMap((d) => [d.micro, d.all]));
  return (
    <ChartFrame
      title={title}
      height={H}
      columns={[
        { key: "month", label: xLabel },
        { key: "micro", label: microLabel },
        { key: "all", label: allLabel },
        { key: "n", label: responsesLabel },
      ]}
      rows={points.map((p) => ({ month: p.month, micro: pct(p.micro), all: pct(p.all), n: p.allN }))}
    >
      <LineChart width={W} height={H} data={data} margin={{ top: 10, right: 20, bottom: 30, left: 20 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="month" label={{ value: xLabel, position: "insideBottom", offset: -18 }} />
        <YAxis
          domain={[floor, 100]}
          unit="%"
          label={{ value: yLabel, angle: -90, position: "insideLeft", offset: -5, style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : `${v}%`)} />
        <Legend verticalAlign="top" height={24} />
        <Line
          type="monotone"
          dataKey="micro"
          name={microLabel}
          stroke={SERIES.micro}
          strokeWidth={2.5}
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="all"
          name={allLabel}
          stroke={SERIES.all}
          strokeWidth={2.5}
          strokeDasharray="6 3"
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
