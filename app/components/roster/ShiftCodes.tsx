import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import type { CodeDef } from "~/roster/slots";
import { formatClock } from "~/roster/time";

/** The shift codes and the form that adds one or changes one (same code = change). */
export function ShiftCodes({
  codes,
  errors,
  values,
}: {
  codes: CodeDef[];
  errors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const { t } = useTranslation(["roster", "common"]);
  return (
    <section className="stack" aria-labelledby="codes-h">
      <h2 id="codes-h">{t("codes.title")}</h2>
      <TableScroll>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("codes.code")}</th>
              <th scope="col">{t("codes.hours")}</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => (
              <tr key={c.code}>
                <td>{c.code}</td>
                <td>{c.rest ? t("codes.rest") : `${formatClock(c.startMin)}–${formatClock(c.endMin)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Form method="post" className="form card">
        <input type="hidden" name="intent" value="code" />
        <Field
          name="code"
          label={t("codes.code")}
          required
          maxLength={10}
          defaultValue={values?.code}
          error={errors?.code}
        />
        <Field
          name="start"
          label={t("codes.start")}
          placeholder="08:00"
          defaultValue={values?.start}
          error={errors?.start}
        />
        <Field name="end" label={t("codes.end")} placeholder="17:00" defaultValue={values?.end} />
        <label className="checkbox">
          <input type="checkbox" name="rest" /> {t("codes.rest")}
        </label>
        <SubmitButton pendingLabel={t("common:form.saving")}>{t("codes.save")}</SubmitButton>
      </Form>
    </section>
  );
}
