import { useTranslation } from "react-i18next";

export interface TableColumn {
  key: string;
  label: string;
}

interface Props {
  columns: TableColumn[];
  rows: Record<string, string | number>[];
}

/** A chart's figures as table rows, the first column as row headers. */
export function ChartCells({ columns, rows }: Props) {
  return (
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
}

/**
 * The figures of a chart as a real table: always in the page for screen readers, shown on screen
 * by a checkbox, no script. Kept free of any chart library so a chart drawn on the server can use it.
 */
export function ChartTable({ id, title, columns, rows }: Props & { id: string; title: string }) {
  const { t } = useTranslation("surveys");
  return (
    <>
      <input type="checkbox" id={`${id}-toggle`} className="chart__toggle" />
      <label htmlFor={`${id}-toggle`} className="chart__toggle-label small">
        {t("dash.showTable")}
      </label>
      <div className="chart__table">
        <table className="table">
          <caption className="visually-hidden">
            {title} — {t("dash.table")}
          </caption>
          <ChartCells columns={columns} rows={rows} />
        </table>
      </div>
    </>
  );
}
