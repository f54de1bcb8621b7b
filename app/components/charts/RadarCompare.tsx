import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import { ChartFrame, type TableColumn } from "./ChartFrame";
import { GRID, SERIES } from "./palette";

export interface RadarPoint {
  label: string;
  /** null: nothing observed; drawn at the centre, shown as text in the table. */
  value: number | null;
  target: number;
}

interface Props {
  title: string;
  valueLabel: string;
  targetLabel: string;
  columns: TableColumn[];
  rows: Record<string, string | number>[];
  points: RadarPoint[];
  max?: number;
}

const H = 360;

/** A value against a target on one radar (1–5 scales), with its figures as a table. */
export function RadarCompare({ title, valueLabel, targetLabel, columns, rows, points, max = 5 }: Props) {
  const data = points.map((p) => ({ label: p.label, value: p.value ?? 0, target: p.target }));
  return (
    <ChartFrame title={title} height={H} minWidth={360} columns={columns} rows={rows}>
      <RadarChart data={data} outerRadius="68%" margin={{ top: 10, right: 40, bottom: 10, left: 40 }}>
        <PolarGrid stroke={GRID} />
        <PolarAngleAxis dataKey="label" tick={{ fontSize: 11 }} />
        <PolarRadiusAxis domain={[0, max]} tickCount={max + 1} angle={90} />
        <Radar
          name={targetLabel}
          dataKey="target"
          stroke={SERIES.all}
          fill={SERIES.all}
          fillOpacity={0.1}
          isAnimationActive={false}
        />
        <Radar
          name={valueLabel}
          dataKey="value"
          stroke={SERIES.micro}
          fill={SERIES.micro}
          fillOpacity={0.35}
          isAnimationActive={false}
        />
        <Tooltip />
        <Legend verticalAlign="bottom" height={24} />
      </RadarChart>
    </ChartFrame>
  );
}
