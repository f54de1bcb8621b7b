import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./ChartFrame";
import { GRID, SERIES, percentAxisFloor } from "./palette";

export interface CompareMetric {
  label: string;
  micro: number | null;
  all: number | null;
  /** "%" for rates (the default); "" for a score out of 100 such as the satisfaction index. */
  unit?: "%" | "";
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
const show = (v: number | null, unit = "%") => (v === null ? "—" : `${v.toFixed(1)}${unit}`);

/** Micro-courses and all training side by side, one pair of bars per figure (in %). */
export function CompareChart({ title, microLabel, allLabel, metricLabel, metrics }: Props) {
  // Each bar's label carries its own unit, so a score is never shown as a percentage.
  const data = metrics.map((m) => ({
    label: m.label,
    micro: m.micro === null ? null : +m.micro.toFixed(1),
    all: m.all === null ? null : +m.all.toFixed(1),
    microText: show(m.micro, m.unit),
    allText: show(m.all, m.unit),
  }));
  const unitOf = new Map(metrics.map((m) => [m.label, m.unit ?? "%"]));
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
      rows={metrics.map((m) => ({ label: m.label, micro: show(m.micro, m.unit), all: show(m.all, m.unit) }))}
    >
      <BarChart width={W} height={H} data={data} margin={{ top: 24, right: 20, bottom: 10, left: 20 }}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis domain={[floor, 100]} allowDataOverflow />
        <Tooltip formatter={(v, _name, item) => `${v}${unitOf.get(String(item.payload?.label)) ?? "%"}`} />
        <Legend verticalAlign="top" height={24} />
        <Bar dataKey="micro" name={microLabel} fill={SERIES.micro} isAnimationActive={false}>
          <LabelList dataKey="microText" position="top" style={{ fontSize: 12 }} />
        </Bar>
        <Bar dataKey="all" name={allLabel} fill={SERIES.all} isAnimationActive={false}>
          <LabelList dataKey="allText" position="top" style={{ fontSize: 12 }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
