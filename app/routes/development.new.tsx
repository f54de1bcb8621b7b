import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { createProject, teamCandidates } from "~/development/projects.server";
import { MEMBER_ROWS, MILESTONE_ROWS, parseProjectForm } from "~/development/schemas";
import { FORMATS, MEMBER_ROLES, MILESTONE_KINDS } from "~/development/team";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { formValues } from "~/lib/validation";

export const handle = { route: "/development/new" } satisfies RouteHandle;
export const meta = pageMeta("development:new");

// A link from a needs round's results opens the form with the need filled in; anything too long or
// malformed is dropped rather than refused, since HR can still type it.
const prefillSchema = z.object({
  need: z.string().trim().max(2000).catch(""),
  needRef: z.string().trim().max(100).catch(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const q = new URL(request.url).searchParams;
  const prefill = prefillSchema.parse({ need: q.get("need") ?? "", needRef: q.get("needRef") ?? "" });
  return { people: await teamCandidates(), prefill };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  const parsed = parseProjectForm(form);
  if (!parsed.success) {
    return data({ errors: parsed.errors, params: {}, values: formValues(form) }, { status: 400 });
  }
  return formAction(async () => {
    const id = await createProject(user, parsed.data);
    return redirectWithToast(`/development/${id}`, { key: "development:created" });
  }, formValues(form));
}

const ROLE_OF_ROW = ["chair", "author", "reviewer", "expert", "developer", "reviewer"] as const;

export default function NewProject() {
  const { t } = useTranslation(["development", "common"]);
  const { people, prefill } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const params = ("params" in (result ?? {}) ? (result?.params ?? {}) : {}) as Record<string, string | number>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const err = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`f-${field}-error`}>
        {t(messageKey("development", errors[field]), params)}
      </p>
    ) : null;
  const first = Object.values(errors)[0];
  return (
    <div className="stack">
      <p>
        <Link to="/development">← {t("title")}</Link>
      </p>
      <h1>{t("new")}</h1>
      {first ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("development", first as `development:${string}`), params)}
        </p>
      ) : null}
      <Form method="post" className="stack form-wide">
        <div className="field">
          <label htmlFor="f-title">{t("form.title")}</label>
          <input id="f-title" name="title" required maxLength={200} defaultValue={values.title} />
          {err("title")}
        </div>
        <div className="field">
          <label htmlFor="f-need">{t("form.need")}</label>
          <textarea id="f-need" name="need" rows={3} maxLength={2000} defaultValue={values.need ?? prefill.need} />
        </div>
        <div className="field">
          <label htmlFor="f-needRef">{t("form.needRef")}</label>
          <input id="f-needRef" name="needRef" maxLength={100} defaultValue={values.needRef ?? prefill.needRef} />
        </div>
        <fieldset className="stack">
          <legend>{t("form.source")}</legend>
          <div className="field">
            <label htmlFor="f-sourceTitle">{t("form.sourceTitle")}</label>
            <input id="f-sourceTitle" name="sourceTitle" maxLength={200} defaultValue={values.sourceTitle} />
          </div>
          <div className="field">
            <label htmlFor="f-sourceSupplier">{t("form.sourceSupplier")}</label>
            <input id="f-sourceSupplier" name="sourceSupplier" maxLength={200} defaultValue={values.sourceSupplier} />
          </div>
          <div className="field">
            <label htmlFor="f-sourceNotes">{t("form.sourceNotes")}</label>
            <textarea
              id="f-sourceNotes"
              name="sourceNotes"
              rows={2}
              maxLength={2000}
              defaultValue={values.sourceNotes}
            />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="f-format">{t("form.format")}</label>
          <select id="f-format" name="format" defaultValue={values.format ?? "m60"}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format.${f}`)}
              </option>
            ))}
          </select>
          {err("format")}
        </div>
        <fieldset className="stack" aria-describedby="f-members-hint">
          <legend>{t("form.members")}</legend>
          <p className="field-hint" id="f-members-hint">
            {t("form.membersHint")}
          </p>
          {err("members")}
          {Array.from({ length: MEMBER_ROWS }, (_, i) => (
            <div className="row" key={i}>
              <label>
                {t("form.member", { n: i + 1 })} · {t("form.person")}{" "}
                <select name={`member${i}.user`} defaultValue={values[`member${i}.user`] ?? ""}>
                  <option value="">{t("form.none")}</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.employeeNo})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("form.member", { n: i + 1 })} · {t("form.role")}{" "}
                <select name={`member${i}.role`} defaultValue={values[`member${i}.role`] ?? ROLE_OF_ROW[i]}>
                  {MEMBER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("form.milestones")}</legend>
          {err("milestones")}
          {Array.from({ length: MILESTONE_ROWS }, (_, i) => (
            <div className="row" key={i}>
              <label>
                {t("form.milestone", { n: i + 1 })} · {t("form.kind")}{" "}
                <select
                  name={`milestone${i}.kind`}
                  defaultValue={values[`milestone${i}.kind`] ?? MILESTONE_KINDS[i] ?? "other"}
                >
                  {MILESTONE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`milestone.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("form.milestone", { n: i + 1 })} · {t("form.label")}{" "}
                <input name={`milestone${i}.label`} maxLength={100} defaultValue={values[`milestone${i}.label`]} />
              </label>
              <label>
                {t("form.milestone", { n: i + 1 })} · {t("form.due")}{" "}
                <input type="date" name={`milestone${i}.due`} defaultValue={values[`milestone${i}.due`]} />
              </label>
            </div>
          ))}
        </fieldset>
        <div>
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("form.create")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
