import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { selfAssessmentForm } from "~/competency/profile.server";
import { currentPeriod, selfAssessmentThisPeriod, submitSelfAssessment } from "~/competency/self.server";
import { ErrorAlert } from "~/components/exams/NoScript";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDate } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pickLocalized } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { formValues } from "~/lib/validation";

export const handle = { route: "/competency/self" } satisfies RouteHandle;
export const meta = pageMeta("competency:title.self");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const [indicators, done] = await Promise.all([selfAssessmentForm(), selfAssessmentThisPeriod(user.id)]);
  return {
    indicators,
    period: currentPeriod(),
    done: done ? { at: done.createdAt.toISOString(), scores: done.scores } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const values = formValues(await readForm(request));
  return formAction(async () => {
    await submitSelfAssessment(user.id, values);
    return redirectWithToast("/competency", { key: "competency:self.saved" });
  }, values);
}

const LEVELS = [1, 2, 3, 4, 5] as const;

export default function SelfAssessment() {
  const { t } = useTranslation("competency");
  const { t: tc } = useTranslation("common");
  const locale = useLocale();
  const { indicators, period, done } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const chosen = (a?.values ?? done?.scores ?? {}) as Record<string, unknown>;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title.self")}</h1>
          <p className="muted">
            {t("self.intro")} {t("self.period", { period })}
          </p>
        </div>
      </div>
      {done ? <p className="notice">{t("self.done", { day: formatDate(done.at, locale) })}</p> : null}
      <ErrorAlert error={a?.error} params={a?.params} />
      <Form method="post" className="stack" noValidate>
        {indicators.map((ind) => {
          const err = a?.errors?.[ind.id];
          return (
            <fieldset
              key={ind.id}
              className="card"
              aria-describedby={err ? `e-${ind.id}` : undefined}
              disabled={!!done}
            >
              <legend>
                <strong>{t(messageKey("competency", `ind.${ind.id}`))}</strong>
              </legend>
              <p>{pickLocalized(locale, ind.definition)}</p>
              <p className="small muted">{t("self.examples")}</p>
              <ul className="small muted">
                {ind.examples.map((ex) => (
                  <li key={ex.zh}>{pickLocalized(locale, ex)}</li>
                ))}
              </ul>
              <div className="row">
                {LEVELS.map((n) => (
                  <label key={n} className="choice">
                    <input
                      type="radio"
                      name={ind.id}
                      value={n}
                      defaultChecked={String(chosen[ind.id] ?? "") === String(n)}
                    />{" "}
                    {t(messageKey("competency", `scale.${n}`))}
                  </label>
                ))}
              </div>
              <FieldError id={`e-${ind.id}`} error={err} />
            </fieldset>
          );
        })}
        {done ? null : <SubmitButton pendingLabel={tc("form.saving")}>{t("self.submit")}</SubmitButton>}
      </Form>
    </div>
  );
}
