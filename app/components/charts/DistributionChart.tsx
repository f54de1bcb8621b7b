import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./ChartFrame";
import { GRID, SCALE5 } from "./palette";

export interface DistRow {
  question: string;
  /** Counts of 1..5. */
  counts: number[];
}

interface Props {
  title: string;
  xLabel: string;
  yLabel: string;
  scaleLabels: string[];
  rows: DistRow[];
}

const W = 720;

/** One stacked bar per question: the share of each answer from 1 to 5. */
export function DistributionChart({ title, xLabel, yLabel, scaleLabels, rows }: Props) {
  const data = rows.map((r) => {
    const n = r.counts.reduce((a, b) => a + b, 0) || 1;
    return Object.fromEntries([
      ["question", r.question],
      ...r.counts.map((c, i) => [`s${i + 1}`, +((c / n) * 100).toFixed(1)]),
    ]);
  });
  const height = 60 + rows.length * 44;
  return (
    <ChartFrame
      title={title}
      minWidth={480}
      height={height}
      columns={[
        { key: "question", label: yLabel },
        ...scaleLabels.map((l, i) => ({ key: `s${i + 1}`, label: `${i + 1} ${l}` })),
      ]}
      rows={rows.map((r) =>
        Object.fromEntries([["question", r.question], ...r.counts.map((c, i) => [`s${i + 1}`, c])]),
      )}
    >
      <BarChart
        width={W}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 10, right: 20, bottom: 30, left: 20 }}
        stackOffset="expand"
      >
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis
          type="number"
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          label={{ value: xLabel, position: "insideBottom", offset: -18 }}
        />
        <YAxis type="category" dataKey="question" width={160} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => `${v}%`} />
        <Legend verticalAlign="top" height={24} />
        {scaleLabels.map((l, i) => (
          <Bar
            key={i}
            dataKey={`s${i + 1}`}
            name={`${i + 1} ${l}`}
            stackId="a"
            fill={SCALE5[i]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
