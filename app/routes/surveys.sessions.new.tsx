import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { localTitle } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";
import css from "~/styles/surveys.css?url";
import { newSessionOptions, newSessionSchema, recordDeliveredSession } from "~/surveys/sessions.server";

export const handle = { route: "/surveys/sessions/new" } satisfies RouteHandle;
export const meta = pageMeta("surveys:newSession.title");
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  return newSessionOptions(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const parsed = parseForm(newSessionSchema, await readForm(request), ["attendees"]);
  if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 });
  return formAction(async () => {
    const { invited } = await recordDeliveredSession(user, parsed.data);
    return redirectWithToast(`/dashboard`, { key: "surveys:newSession.created", params: { count: invited } });
  });
}

export default function NewSession() {
  const { t } = useTranslation(["surveys", "common"]);
  const locale = useLocale();
  const { courses, trainers, people, everything } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  return (
    <div className="stack session-form">
      <p>
        <Link to="/dashboard">← {t("dash.title")}</Link>
      </p>
      <h1>{t("newSession.title")}</h1>
      <p className="muted">{t("newSession.hint")}</p>
      <Form method="post" className="form card stack">
        <div className="field">
          <label htmlFor="f-courseId">{t("newSession.course")}</label>
          <select
            id="f-courseId"
            name="courseId"
            defaultValue=""
            aria-describedby={errors.courseId ? "f-courseId-error" : undefined}
          >
            <option value="">{t("newSession.noCourse")}</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {localTitle(locale, c)}
              </option>
            ))}
          </select>
          <FieldError id="f-courseId-error" error={errors.courseId} />
        </div>
        <div className="field">
          <label htmlFor="f-title">{t("newSession.titleField")}</label>
          <input id="f-title" name="title" maxLength={200} />
          <FieldError error={errors.title} />
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t("newSession.kind")}</label>
          <select id="f-kind" name="kind" defaultValue="micro">
            <option value="micro">{t("kind.micro")}</option>
            <option value="other">{t("kind.other")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-startsAt">{t("newSession.startsAt")}</label>
          <input
            id="f-startsAt"
            name="startsAt"
            type="datetime-local"
            required
            aria-describedby={errors.startsAt ? "f-startsAt-error" : undefined}
          />
          <FieldError id="f-startsAt-error" error={errors.startsAt} />
        </div>
        {everything ? (
          <div className="field">
            <label htmlFor="f-trainerId">{t("newSession.trainer")}</label>
            <select id="f-trainerId" name="trainerId" defaultValue="">
              <option value="">—</option>
              {trainers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <FieldError error={errors.trainerId} />
          </div>
        ) : null}
        <label className="row">
          <input type="checkbox" name="anonymous" /> {t("newSession.anonymous")}
        </label>
        <fieldset className="checks">
          <legend>{t("newSession.attendees")}</legend>
          {people.map((p) => (
            <label key={p.id} className="row">
              <input type="checkbox" name="attendees" value={p.id} /> {p.name}
              {p.team ? <span className="muted small"> · {p.team}</span> : null}
            </label>
          ))}
          <FieldError error={errors.attendees} />
        </fieldset>
        <SubmitButton pendingLabel={t("common:form.saving")}>{t("newSession.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
