import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./ChartFrame";
import { GRID, SERIES } from "./palette";

export interface PointsRow {
  name: string;
  value: number;
  /** Shown beside the bar and in the table (e.g. "★" for a top need, "3/5"). */
  note?: string;
}

interface Props {
  title: string;
  nameLabel: string;
  valueLabel: string;
  noteLabel?: string;
  rows: PointsRow[];
  color?: string;
}

const W = 720;

/** Plain counts (points, answers) as lying bars, one per row, with the figures as a table. */
export function PointsChart({ title, nameLabel, valueLabel, noteLabel, rows, color = SERIES.micro }: Props) {
  const height = Math.max(120, 50 + rows.length * 38);
  const columns = [
    { key: "name", label: nameLabel },
    { key: "value", label: valueLabel },
    ...(noteLabel ? [{ key: "note", label: noteLabel }] : []),
  ];
  return (
    <ChartFrame
      title={title}
      minWidth={480}
      height={height}
      columns={columns}
      rows={rows.map((r) => ({ name: r.name, value: r.value, note: r.note ?? "" }))}
    >
      <BarChart
        width={W}
        height={height}
        data={rows.map((r) => ({ name: r.name, value: r.value, label: r.note ? `${r.value} ${r.note}` : r.value }))}
        layout="vertical"
        margin={{ top: 10, right: 60, bottom: 20, left: 20 }}
      >
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={240} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip />
        <Bar dataKey="value" name={valueLabel} fill={color} isAnimationActive={false}>
          <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: "#333" }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
