import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { messageKey } from "~/lib/i18n/keys";
import type { RosterError, RosterPlan } from "~/roster/plan";

export interface PreviewData {
  /** The first problems (app/roster/plan.ts, PROBLEMS_SHOWN); `more` are not listed. */
  problems: RosterError[];
  more: number;
  counts: RosterPlan["counts"];
  period: RosterPlan["period"];
  /** The file's text to confirm with; null when nothing in it can be imported. */
  csv: string | null;
}

/**
 * A roster file's problems by line and what importing it would do. Lines with problems are left
 * out only when the box to skip them is ticked; the count travels with it so a changed file or
 * changed data is refused rather than imported differently from what was shown.
 */
export function RosterPreview({ preview }: { preview: PreviewData }) {
  const { t } = useTranslation(["roster", "admin", "common"]);
  const { problems, more, counts, period, csv } = preview;
  return (
    <section className="stack" aria-labelledby="preview-h">
      <h3 id="preview-h">{t("import.previewTitle")}</h3>
      {problems.length ? (
        <>
          <p className="alert alert--error" role="alert">
            {t("import.problems", { count: counts.errors })}
          </p>
          <TableScroll>
            <table className="table" aria-label={t("import.problem")}>
              <thead>
                <tr>
                  <th scope="col">{t("import.line")}</th>
                  <th scope="col">{t("import.field")}</th>
                  <th scope="col">{t("import.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((e, i) => (
                  <tr key={i}>
                    <td>{e.line}</td>
                    <td>{t(messageKey("roster", `import.field.${e.field}`))}</td>
                    <td>{t(messageKey("roster", e.key), e.params ?? {})}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {more > 0 ? <p className="muted">{t("import.moreProblems", { count: more })}</p> : null}
        </>
      ) : null}
      {csv !== null && period ? (
        <Form method="post" replace className="form card">
          <p role="status">{t("import.clean", { ...counts, ...period })}</p>
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="csv" value={csv} />
          {counts.badLines > 0 ? (
            <label className="checkbox">
              <input type="checkbox" name="skip" value={counts.badLines} required />{" "}
              {t("import.skip", { count: counts.badLines })}
            </label>
          ) : null}
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("import.apply")}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
