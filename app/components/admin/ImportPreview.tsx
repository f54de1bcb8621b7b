import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LineError } from "~/admin/import";
import { LineProblemsTable } from "~/components/ui/LineProblemsTable";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { messageKey } from "~/lib/i18n/keys";

export interface PreviewLine {
  line: number;
  employeeNo: string;
  action: string;
  detail: string;
  errors: LineError[];
}

/** Every line of an uploaded file with its problems or what it would change, and the confirm step. */
export function ImportPreview({
  fileErrors,
  lines,
  summary,
  csv,
  applyLabel,
}: {
  fileErrors: LineError[];
  lines: PreviewLine[];
  summary: string;
  csv: string | null;
  applyLabel: string;
}) {
  const { t } = useTranslation(["admin", "auth", "common"]);
  const problems = [...fileErrors, ...lines.flatMap((l) => l.errors)];
  const say = (e: LineError) => t(messageKey("admin", e.key), e.params ?? {});
  return (
    <section className="stack" aria-labelledby="preview-h">
      <h2 id="preview-h">{t("import.preview")}</h2>
      {problems.length ? (
        <>
          <p className="alert alert--error" role="alert">
            {t("import.fixFirst", { count: problems.length })}
          </p>
          <LineProblemsTable problems={problems} ns="admin" />
        </>
      ) : (
        <p className="alert" role="status">
          {summary}
        </p>
      )}
      {lines.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("import.employeeNo")}</th>
              <th scope="col">{t("import.change")}</th>
              <th scope="col">{t("import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.line}>
                <td>{l.line}</td>
                <td>{l.employeeNo}</td>
                <td>
                  {l.errors.length ? "—" : t(messageKey("admin", `import.action.${l.action}`))}
                  {l.detail && !l.errors.length ? <span className="muted small"> · {l.detail}</span> : null}
                </td>
                <td>{l.errors.map(say).join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {csv !== null && problems.length === 0 ? (
        <Form method="post" replace>
          <input type="hidden" name="csv" value={csv} />
          <SubmitButton pendingLabel={t("common:form.saving")} intent="apply">
            {applyLabel}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
