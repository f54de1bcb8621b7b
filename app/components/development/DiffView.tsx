import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/ui/TableScroll";
import type { Cell, DiffRow } from "~/development/side-by-side";
import type { Draft } from "./Versions";

interface Compare {
  courseId: number | null;
  a: number | null;
  b: number | null;
  numbers: number[];
  diff: { a: number; b: number; rows: DiffRow[]; added: number; removed: number } | null;
}

function CellView({ cell, side }: { cell: Cell | null; side: "left" | "right" }) {
  if (!cell) return <td className="diff-empty" colSpan={2} />;
  return (
    <>
      <td className="diff-no">{cell.no}</td>
      <td className={`diff-text diff-${side}`}>
        {cell.parts.map((p, i) =>
          p.changed ? (
            side === "left" ? (
              <del key={i}>{p.text}</del>
            ) : (
              <ins key={i}>{p.text}</ins>
            )
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </td>
    </>
  );
}

export function DiffView({ drafts, compare }: { drafts: Draft[]; compare: Compare }) {
  const { t } = useTranslation("development");
  const { diff } = compare;
  return (
    <section className="stack" aria-labelledby="diff-head">
      <h2 id="diff-head">{t("diff.title")}</h2>
      <Form method="get" className="row filters">
        {drafts.length > 1 ? (
          <label>
            {t("diff.course")}{" "}
            <select name="course" defaultValue={compare.courseId ?? ""}>
              {drafts.map((d) => (
                <option key={d.course.id} value={d.course.id}>
                  {d.course.slug}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {(["a", "b"] as const).map((k) => (
          <label key={k}>
            {t(`diff.${k}`)}{" "}
            <select name={k} defaultValue={compare[k] ?? ""}>
              {compare.numbers.map((n) => (
                <option key={n} value={n}>
                  {t("drafts.versionN", { n })}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit">{t("diff.show")}</button>
      </Form>
      {compare.numbers.length < 2 ? (
        <p className="empty">{t("diff.need2")}</p>
      ) : !diff ? (
        <p className="alert alert--info">{t("diff.missing")}</p>
      ) : diff.added + diff.removed === 0 ? (
        <p className="empty">{t("diff.same")}</p>
      ) : (
        <>
          <p className="muted">{t("diff.summary", { added: diff.added, removed: diff.removed })}</p>
          <TableScroll>
            <table className="diff" data-testid="version-diff">
              <thead>
                <tr>
                  <th scope="col" colSpan={2}>
                    {t("drafts.versionN", { n: diff.a })}
                  </th>
                  <th scope="col" colSpan={2}>
                    {t("drafts.versionN", { n: diff.b })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {diff.rows.map((row, i) =>
                  row.kind === "gap" ? (
                    <tr key={i} className="diff-gap">
                      <td colSpan={4}>{t("diff.gap", { count: row.hidden })}</td>
                    </tr>
                  ) : (
                    <tr key={i} className={`diff-${row.kind}`}>
                      <CellView cell={row.left} side="left" />
                      <CellView cell={row.right} side="right" />
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
