import { useId } from "react";
import { ChartTable, type TableColumn } from "./ChartTable";
import { GRID, SERIES } from "./palette";
import { axisLabels, gridRings, pointOnAxis, polygonPoints, RADAR_BOX, radiusFor } from "./radar-geometry";

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

const FONT = 13;

/**
 * A value against a target on one radar (1–5 scales), with its figures as a table. Drawn as plain
 * SVG while the page renders, on the server as in the browser: no chart library is shipped for a
 * figure that never changes after the page is rendered (decision 046, trainee pages' budget).
 */
export function RadarCompare({ title, valueLabel, targetLabel, columns, rows, points, max = 5 }: Props) {
  const id = useId();
  const box = RADAR_BOX;
  const n = points.length;
  const rings = gridRings(box, n, max);
  const labels = axisLabels(
    box,
    points.map((p) => p.label),
  );
  const tip = (p: RadarPoint, value: string) => `${p.label} — ${valueLabel}: ${value}, ${targetLabel}: ${p.target}`;
  return (
    <figure className="chart card radar" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`} className="chart__title">
        {title}
      </h2>
      <div className="radar__frame">
        <svg
          className="radar__svg"
          viewBox={`0 0 ${box.width} ${box.height}`}
          role="img"
          aria-labelledby={`${id}-svg`}
          fontSize={FONT}
        >
          <title id={`${id}-svg`}>{title}</title>
          <g fill="none" stroke={GRID}>
            {rings.map((r, i) => (
              <polygon key={i} points={r} />
            ))}
            {points.map((_, i) => {
              const end = pointOnAxis(box, i, n, box.radius);
              return <line key={i} x1={box.cx} y1={box.cy} x2={end.x} y2={end.y} />;
            })}
          </g>
          <g className="radar__ticks" fontSize={FONT - 3} fill="#5b6675" textAnchor="start">
            {Array.from({ length: max + 1 }, (_, level) => (
              <text key={level} x={box.cx + 4} y={box.cy - radiusFor(box, level, max) + 3}>
                {level}
              </text>
            ))}
          </g>
          <polygon
            className="radar__target"
            points={polygonPoints(
              box,
              points.map((p) => p.target),
              max,
            )}
            stroke={SERIES.all}
            fill={SERIES.all}
            fillOpacity={0.1}
          />
          <polygon
            className="radar__value"
            points={polygonPoints(
              box,
              points.map((p) => p.value ?? 0),
              max,
            )}
            stroke={SERIES.micro}
            fill={SERIES.micro}
            fillOpacity={0.35}
          />
          {points.map((p, i) => {
            const at = pointOnAxis(box, i, n, radiusFor(box, p.value, max));
            return (
              <circle key={i} cx={at.x} cy={at.y} r={3} fill={SERIES.micro}>
                <title>{tip(p, p.value === null ? "—" : String(p.value))}</title>
              </circle>
            );
          })}
          <g fill="#1f2933">
            {labels.map((l, i) => (
              <text key={i} x={l.x} y={l.y} textAnchor={l.anchor}>
                {l.lines.map((line, j) => (
                  <tspan key={j} x={l.x} dy={`${j === 0 ? l.firstLineShift : 1.1}em`}>
                    {line}
                  </tspan>
                ))}
              </text>
            ))}
          </g>
        </svg>
      </div>
      <ul className="radar__legend small" aria-hidden="true">
        <li>
          <span className="radar__swatch" style={{ background: SERIES.micro }} />
          {valueLabel}
        </li>
        <li>
          <span className="radar__swatch" style={{ background: SERIES.all, opacity: 0.6 }} />
          {targetLabel}
        </li>
      </ul>
      <ChartTable id={id} title={title} columns={columns} rows={rows} />
    </figure>
  );
}
