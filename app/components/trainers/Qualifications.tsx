import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import type { TrainerProfile } from "~/trainers/profile.server";

type Props = {
  p: Pick<TrainerProfile, "qualifications" | "grantable" | "manages">;
  errors: Record<string, string>;
  values: Record<string, string>;
};

/** Qualified courses with their source and date, withdrawn ones kept as history; HR's forms. */
export function Qualifications({ p, errors, values }: Props) {
  const { t } = useTranslation(["trainers", "common"]);
  const locale = useLocale();
  const mine = (intent: string) => values.intent === intent;
  return (
    <section className="card stack" aria-labelledby="qual-h">
      <h2 id="qual-h">{t("qual.heading")}</h2>
      {p.qualifications.length === 0 ? (
        <p className="empty">{t("qual.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table" data-testid="qualifications">
            <thead>
              <tr>
                <th scope="col">{t("qual.course")}</th>
                <th scope="col">{t("qual.source")}</th>
                <th scope="col">{t("qual.date")}</th>
                <th scope="col">{t("qual.by")}</th>
                <th scope="col">{t("qual.reason")}</th>
                <th scope="col">{t("qual.state")}</th>
              </tr>
            </thead>
            <tbody>
              {p.qualifications.map((q) => (
                <tr key={q.id}>
                  <th scope="row">{localTitle(locale, q.course)}</th>
                  <td>{t(messageKey("trainers", `source.${q.source}`), { defaultValue: q.source })}</td>
                  <td>{q.grantedOn}</td>
                  <td>{q.grantedBy || t("qual.system")}</td>
                  <td>{q.reason || t("none")}</td>
                  <td>
                    {q.withdrawnOn ? (
                      <span className="muted">
                        {t("qual.withdrawn", { day: q.withdrawnOn, reason: q.withdrawReason })}
                      </span>
                    ) : (
                      <>
                        {t("qual.active")}
                        {p.manages ? (
                          <Form method="post" className="row">
                            <input type="hidden" name="qualificationId" value={q.id} />
                            <label htmlFor={`f-withdraw-${q.id}`} className="visually-hidden">
                              {t("withdraw.reason")}
                            </label>
                            <input
                              id={`f-withdraw-${q.id}`}
                              name="reason"
                              placeholder={t("withdraw.reason")}
                              maxLength={1000}
                              required
                            />
                            <SubmitButton
                              intent="withdraw"
                              className="secondary"
                              pendingLabel={t("common:form.saving")}
                            >
                              {t("withdraw.submit")}
                            </SubmitButton>
                            {mine("withdraw") && values.qualificationId === String(q.id) ? (
                              <FieldError error={errors.reason ?? errors._form} />
                            ) : null}
                          </Form>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {p.manages ? (
        <div>
          <h3>{t("grant.heading")}</h3>
          {p.grantable.length === 0 ? (
            <p className="muted">{t("grant.none")}</p>
          ) : (
            <Form method="post" className="form stack">
              <div className="field">
                <label htmlFor="f-courseId">{t("grant.course")}</label>
                <select
                  id="f-courseId"
                  name="courseId"
                  defaultValue={mine("grant") ? values.courseId : ""}
                  aria-invalid={mine("grant") && errors.courseId ? true : undefined}
                >
                  <option value="">—</option>
                  {p.grantable.map((c) => (
                    <option key={c.id} value={c.id}>
                      {localTitle(locale, c)}
                    </option>
                  ))}
                </select>
                {mine("grant") ? <FieldError error={errors.courseId} /> : null}
              </div>
              <div className="field">
                <label htmlFor="f-grant-reason">{t("grant.reason")}</label>
                <p className="field-hint">{t("grant.reasonHint")}</p>
                <textarea
                  id="f-grant-reason"
                  name="reason"
                  rows={2}
                  maxLength={1000}
                  defaultValue={mine("grant") ? values.reason : ""}
                  aria-invalid={mine("grant") && errors.reason ? true : undefined}
                />
                {mine("grant") ? <FieldError error={errors.reason ?? errors._form} /> : null}
              </div>
              <div>
                <SubmitButton intent="grant" pendingLabel={t("common:form.saving")}>
                  {t("grant.submit")}
                </SubmitButton>
              </div>
            </Form>
          )}
        </div>
      ) : null}
    </section>
  );
}
