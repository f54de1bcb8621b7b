import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./ChartFrame";
import { GRID, SERIES, percentAxisFloor } from "./palette";

export interface CompareMetric {
  label: string;
  micro: number | null;
  all: number | null;
}

interface Props {
  title: string;
  microLabel: string;
  allLabel: string;
  metricLabel: string;
  metrics: CompareMetric[];
}

const W = 720;
const H = 280;
const show = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)}%`);

/** Micro-courses and all training side by side, one pair of bars per figure (in %). */
export function CompareChart({ title, microLabel, allLabel, metricLabel, metrics }: Props) {
  const data = metrics.map((m) => ({
    label: m.label,
    micro: m.micro === null ? null : +m.micro.toFixed(1),
    all: m.all === null ? null : +m.all.toFixed(1),
  }));
  const floor = percentAxisFloor(data.flatMap((d) => [d.micro, d.all]));
  return (
    <ChartFrame
      title={title}
      height={H}
      columns={[
        { key: "label", label: metricLabel },
        { key: "micro", label: microLabel },
        { key: "all", label: allLabel },
      ]}
      rows={metrics.map((m) => ({ label: m.label, micro: show(m.micro), all: show(m.all) }))}
    >
      <BarChart width={W} height={H} data={data} margin={{ top: 24, right: 20, bottom: 10, left: 20 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis domain={[floor, 100]} unit="%" allowDataOverflow />
        <Tooltip formatter={(v) => `${v}%`} />
        <Legend verticalAlign="top" height={24} />
        <Bar dataKey="micro" name={microLabel} fill={SERIES.micro} isAnimationActive={false}>
          <LabelList dataKey="micro" position="top" formatter={(v) => `${v}%`} style={{ fontSize: 12 }} />
        </Bar>
        <Bar dataKey="all" name={allLabel} fill={SERIES.all} isAnimationActive={false}>
          <LabelList dataKey="all" position="top" formatter={(v) => `${v}%`} style={{ fontSize: 12 }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
