import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./ChartFrame";
import { GRID, pct, SERIES } from "./palette";

export interface RankRow {
  name: string;
  rate: number | null;
  responses: number;
}

interface Props {
  title: string;
  xLabel: string;
  yLabel: string;
  rateLabel: string;
  responsesLabel: string;
  rows: RankRow[];
  /** Bars lie down (names on the left) for long course titles; stand up for trainers. */
  layout: "horizontal" | "vertical";
  color?: string;
}

const W = 720;

/** Groups ranked by satisfaction rate, each bar labelled with its number of responses. */
export function RankingChart({
  title,
  xLabel,
  yLabel,
  rateLabel,
  responsesLabel,
  rows,
  layout,
  color = SERIES.micro,
}: Props) {
  const data = rows.map((r) => ({
    name: r.name,
    rate: r.rate === null ? 0 : +(r.rate * 100).toFixed(1),
    n: `n=${r.responses}`,
  }));
  const lying = layout === "vertical";
  const height = lying ? Math.max(120, 50 + rows.length * 42) : 300;
  return (
    <ChartFrame
      title={title}
      minWidth={lying ? 520 : undefined}
      height={height}
      columns={[
        { key: "name", label: yLabel },
        { key: "rate", label: rateLabel },
        { key: "n", label: responsesLabel },
      ]}
      rows={rows.map((r) => ({ name: r.name, rate: pct(r.rate), n: r.responses }))}
    >
      <BarChart
        width={W}
        height={height}
        data={data}
        layout={layout}
        margin={{ top: 10, right: 60, bottom: 30, left: 20 }}
      >
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        {lying ? (
          <>
            <XAxis
              type="number"
              domain={[0, 100]}
              unit="%"
              label={{ value: xLabel, position: "insideBottom", offset: -18 }}
            />
            <YAxis type="category" dataKey="name" width={280} tick={{ fontSize: 12 }} interval={0} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="name" label={{ value: yLabel, position: "insideBottom", offset: -18 }} />
            <YAxis
              type="number"
              domain={[0, 100]}
              unit="%"
              label={{ value: xLabel, angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
            />
          </>
        )}
        <Tooltip formatter={(v) => `${v}%`} />
        <Bar dataKey="rate" name={rateLabel} fill={color} isAnimationActive={false}>
          <LabelList dataKey="n" position={lying ? "right" : "top"} style={{ fontSize: 12, fill: "#333" }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
