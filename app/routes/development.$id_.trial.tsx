import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { TrialCard } from "~/components/development/TrialCard";
import { getProject } from "~/development/projects.server";
import { decisionSchema, scheduleTrialSchema, scoreSchema } from "~/development/trial";
import { decideTrial, projectTrials, scheduleTrial, scoreTrial, trialOptions } from "~/development/trial.server";
import { invalid, notFound } from "~/lib/errors";
import { ensure, formAction, formError, orErrorPage } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { formValues, idSchema, parseForm } from "~/lib/validation";
import css from "~/styles/development.css?url";
import { surveySummaryForSession } from "~/surveys/summary.server";

export const handle = { route: "/development/:id/trial" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data }) => data?.project.title);
export const links = () => [{ rel: "stylesheet", href: css }];
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound("development:err.notFound"));
  const project = await orErrorPage(() => getProject(user, id.data));
  const trials = await projectTrials(user, project.id);
  const surveys = await Promise.all(trials.map((tr) => surveySummaryForSession(tr.id)));
  const options = project.may.manage ? await trialOptions(project.id) : null;
  return {
    project: { id: project.id, title: project.title, stage: project.stage, courses: project.courses },
    trials: trials.map((tr, i) => ({ ...tr, survey: surveys[i] ?? null })),
    options,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound("development:err.notFound"));
  const form = await readForm(request);
  const values = formValues(form);
  const intent = values.intent;
  const session = idSchema.safeParse(values.sessionId);
  return formAction(async () => {
    if (intent === "schedule") {
      const parsed = parseForm(scheduleTrialSchema, form, ["audience"]);
      if (!parsed.success) throw invalid(parsed.errors);
      await scheduleTrial(user, id.data, parsed.data);
    } else if (intent === "score" && session.success) {
      const parsed = parseForm(scoreSchema, form);
      if (!parsed.success) throw invalid(parsed.errors);
      await scoreTrial(user, id.data, session.data, parsed.data);
    } else if (intent === "decide" && session.success) {
      const parsed = parseForm(decisionSchema, form);
      if (!parsed.success) throw invalid(parsed.errors);
      await decideTrial(user, id.data, session.data, parsed.data);
    } else return formError(invalid("development:err.invalid"), values);
    return redirectWithToast(`/development/${id.data}/trial`, { key: "trial:saved" });
  }, values);
}

export default function TrialPage() {
  const { t } = useTranslation(["trial", "development", "common"]);
  const locale = useLocale();
  const { project, trials, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = (result && "errors" in result ? result.errors : {}) ?? {};
  const params = (result && "params" in result ? result.params : {}) as Record<string, string | number>;
  const first = (result && "error" in result && result.error) || Object.values(errors)[0];
  const [ns, key] = first ? (first.split(":") as [string, string]) : ["", ""];
  return (
    <div className="stack development">
      <p>
        <Link to={`/development/${project.id}`}>← {project.title}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {first ? (
        <p className="alert alert--error" role="alert" data-testid="trial-error">
          {t(messageKey(ns === "trial" ? "trial" : "development", key), params)}
        </p>
      ) : null}
      {trials.length === 0 ? <p className="empty">{t("none")}</p> : null}
      {trials.map((tr) => (
        <TrialCard key={tr.id} trial={tr} />
      ))}
      {options && (project.stage === "drafting" || project.stage === "revising") ? (
        <section className="card stack" aria-labelledby="schedule-h">
          <h2 id="schedule-h">{t("schedule.title")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="schedule" />
            <label>
              {t("schedule.course")}
              <select name="courseId" required>
                {project.courses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {localTitle(locale, c)} ({c.slug})
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("schedule.trainer")}
              <select name="trainerId" required>
                {options.trainers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("schedule.room")}
              <input name="room" required maxLength={100} />
            </label>
            <label>
              {t("schedule.startsAt")}
              <input name="startsAt" type="datetime-local" required />
            </label>
            <fieldset>
              <legend>{t("schedule.audience")}</legend>
              {options.audience.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" name="audience" value={p.id} /> {p.name}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button">
              {t("schedule.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
