import { useEffect, useId, useState } from "react";
import { ResponsiveContainer } from "recharts";
import { ChartCells, ChartTable, type TableColumn } from "./ChartTable";

export type { TableColumn };

interface Props {
  title: string;
  /** The chart takes its card's width; its height is reserved on the server, so nothing moves. */
  height: number;
  /** Below this width the chart scrolls inside its card instead of squeezing (long axis labels). */
  minWidth?: number;
  columns: TableColumn[];
  rows: Record<string, string | number>[];
  children: React.ReactNode;
}

/**
 * A titled chart as wide as its card with its data as a real table. The table is always in the page
 * for screen readers (the SVG is hidden from them) and a checkbox shows it on screen, no script.
 */
export function ChartFrame({ title, height, minWidth, columns, rows, children }: Props) {
  const id = useId();
  // Recharts 3 draws only in the browser (its server render is an empty box), so the server
  // puts the figures as a table into the reserved box; the chart replaces it after hydration,
  // in the same space, and a page without JavaScript still shows every number.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(true), []);
  const cells = <ChartCells columns={columns} rows={rows} />;
  return (
    <figure className="chart card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`} className="chart__title">
        {title}
      </h2>
      <div
        className={`chart__frame${drawn ? "" : " chart__frame--static"}`}
        style={{ height, minWidth }}
        aria-hidden="true"
      >
        {drawn ? (
          <ResponsiveContainer width="100%" height={height}>
            {children}
          </ResponsiveContainer>
        ) : (
          <table className="table">{cells}</table>
        )}
      </div>
      <ChartTable id={id} title={title} columns={columns} rows={rows} />
    </figure>
  );
}
