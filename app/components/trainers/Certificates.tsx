import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import type { TrainerProfile } from "~/trainers/profile.server";

type Props = {
  p: Pick<TrainerProfile, "certificates" | "manages">;
  errors: Record<string, string>;
  values: Record<string, string>;
};

/** A trainer's certificates, each marked valid or expired on the centre's calendar; HR's form. */
export function Certificates({ p, errors, values }: Props) {
  const { t } = useTranslation(["trainers", "common"]);
  const mine = values.intent === "certificate";
  const err = (k: string) => (mine ? errors[k] : undefined);
  const val = (k: string) => (mine ? values[k] : undefined);
  return (
    <section className="card stack" aria-labelledby="cert-h">
      <h2 id="cert-h">{t("cert.heading")}</h2>
      {p.certificates.length === 0 ? (
        <p className="empty">{t("cert.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table" data-testid="certificates">
            <thead>
              <tr>
                <th scope="col">{t("cert.name")}</th>
                <th scope="col">{t("cert.issuedOn")}</th>
                <th scope="col">{t("cert.validUntil")}</th>
                <th scope="col">{t("cert.state")}</th>
                <th scope="col">{t("cert.note")}</th>
              </tr>
            </thead>
            <tbody>
              {p.certificates.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.issuedOn}</td>
                  <td>{c.validUntil ?? t("cert.noEnd")}</td>
                  <td className={c.state === "expired" ? "muted" : undefined}>
                    {c.state === "expired" ? t("cert.expired") : t("cert.valid")}
                  </td>
                  <td>{c.note || t("none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {p.manages ? (
        <Form method="post" className="form stack">
          <h3>{t("cert.add")}</h3>
          <FieldError error={err("_form")} />
          <Field name="name" label={t("cert.name")} maxLength={100} defaultValue={val("name")} error={err("name")} />
          <Field
            name="issuedOn"
            type="date"
            label={t("cert.issuedOn")}
            defaultValue={val("issuedOn")}
            error={err("issuedOn")}
          />
          <Field
            name="validUntil"
            type="date"
            label={t("cert.validUntil")}
            hint={t("cert.validUntilHint")}
            defaultValue={val("validUntil")}
            error={err("validUntil")}
          />
          <Field name="note" label={t("cert.note")} maxLength={1000} defaultValue={val("note")} error={err("note")} />
          <div>
            <SubmitButton intent="certificate" pendingLabel={t("common:form.saving")}>
              {t("cert.submit")}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
