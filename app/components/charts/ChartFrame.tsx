import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ResponsiveContainer } from "recharts";

export interface TableColumn {
  key: string;
  label: string;
}

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
  const { t } = useTranslation("surveys");
  const id = useId();
  // Recharts 3 draws only in the browser (its server render is an empty box), so the server
  // puts the figures as a table into the reserved box; the chart replaces it after hydration,
  // in the same space, and a page without JavaScript still shows every number.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(true), []);
  const cells = (
    <>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c, j) =>
              j === 0 ? (
                <th key={c.key} scope="row">
                  {r[c.key]}
                </th>
              ) : (
                <td key={c.key}>{r[c.key]}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </>
  );
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
      <input type="checkbox" id={`${id}-toggle`} className="chart__toggle" />
      <label htmlFor={`${id}-toggle`} className="chart__toggle-label small">
        {t("dash.showTable")}
      </label>
      <div className="chart__table">
        <table className="table">
          <caption className="visually-hidden">
            {title} — {t("dash.table")}
          </caption>
          {cells}
        </table>
      </div>
    </figure>
  );
}
