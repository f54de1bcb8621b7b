import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LineProblemsTable } from "~/components/ui/LineProblemsTable";
import { SubmitButton } from "~/components/ui/SubmitButton";
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
          <LineProblemsTable problems={problems} ns="roster" />
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
