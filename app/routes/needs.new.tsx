import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ErrorAlert } from "~/components/exams/NoScript";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { COMPETENCY_LABELS } from "~/content/competencies";
import { addLocalDays } from "~/lib/clock";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { joinList } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";
import { openRound, openRoundOptions } from "~/needs/rounds.server";
import { openRoundSchema } from "~/needs/schemas";
import { AUDIENCES } from "~/needs/scoring";

export const handle = { route: "/needs/new" } satisfies RouteHandle;
export const meta = pageMeta("needs:new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  return openRoundOptions();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const parsed = parseForm(openRoundSchema, await readForm(request), ["competency"]);
  if (!parsed.success) return data({ errors: parsed.errors, error: null, params: {} }, { status: 400 });
  return formAction(async () => {
    const round = await openRound(user, parsed.data);
    return redirectWithToast(`/needs/${round.id}/results`, {
      key: "needs:new.opened",
      params: { count: round.invited },
    });
  });
}

export default function NewRound() {
  const { t } = useTranslation(["needs", "common"]);
  const locale = useLocale();
  const { competencies, pending, year, today } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: Record<string, string> = a?.errors ?? {};
  return (
    <div className="stack">
      <p>
        <Link to="/needs">← {t("list.title")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <p className="muted">{t("new.intro")}</p>
      <Form method="post" className="form card stack">
        <ErrorAlert error={a?.error ? a.error : errors._form} params={a?.params} />
        <div className="field">
          <label htmlFor="f-year">{t("new.year")}</label>
          <input id="f-year" name="year" type="number" min={2000} max={2100} defaultValue={year} required />
          <FieldError error={errors.year} />
        </div>
        <div className="field">
          <label htmlFor="f-audience">{t("new.audience")}</label>
          <select id="f-audience" name="audience" defaultValue="front">
            {AUDIENCES.map((x) => (
              <option key={x} value={x}>
                {t(messageKey("needs", `audience.${x}`))}
              </option>
            ))}
          </select>
          <FieldError error={errors.audience} />
        </div>
        <div className="field">
          <label htmlFor="f-closesOn">{t("new.closesOn")}</label>
          <input
            id="f-closesOn"
            name="closesOn"
            type="date"
            min={addLocalDays(today, 1)}
            defaultValue={addLocalDays(today, 14)}
            required
          />
          <FieldError error={errors.closesOn} />
        </div>
        {pending > 0 ? <p className="alert alert--info">{t("new.pending", { count: pending })}</p> : null}
        <fieldset className="checks">
          <legend>{t("new.competencies")}</legend>
          {competencies.map((c) => (
            <label key={c.id} className="row">
              <input type="checkbox" name="competency" value={c.id} defaultChecked={c.ticked || c.gap} />{" "}
              {COMPETENCY_LABELS[c.id][locale]}
              <span className="muted small"> · {t("new.courses", { count: c.courses })}</span>
              {c.gap ? <span className="badge badge--warn">{t("new.gap")}</span> : null}
              {c.proposedBy.length ? (
                <span className="badge badge--brand">
                  {t("new.proposedBy", { teams: joinList(c.proposedBy, locale) })}
                </span>
              ) : null}
            </label>
          ))}
          <FieldError error={errors.competency} />
        </fieldset>
        <div className="field">
          <label htmlFor="f-free">{t("new.free")}</label>
          <textarea id="f-free" name="free" rows={4} />
          <FieldError error={errors.free} />
        </div>
        <SubmitButton pendingLabel={t("common:form.saving")}>{t("new.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
