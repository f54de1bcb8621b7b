import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAudit } from "~/admin/audit.server";
import { userActionSchema } from "~/admin/schemas";
import { getUserDetail, listTeams, resetPassword, setActive, setRoles, updateProfile } from "~/admin/users.server";
import { requireRouteAccess } from "~/auth/guards.server";
import { GRADES } from "~/auth/roles";
import type { RouteHandle } from "~/auth/route-access";
import { Field, FieldError } from "~/components/ui/Field";
import { RoleCheckboxes } from "~/components/ui/RoleCheckboxes";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { parseForm, idSchema } from "~/lib/validation";

export const handle = { route: "/admin/users/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data }) => data?.user.name);

async function loadUser(params: { id?: string }) {
  const id = idSchema.safeParse(params.id);
  const user = id.success ? await getUserDetail(id.data) : null;
  ensure(user, notFound());
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const user = await loadUser(params);
  const [{ rows }, teams] = await Promise.all([listAudit(1, user.id), listTeams()]);
  return { user, history: rows, teams };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRouteAccess(request, handle);
  const user = await loadUser(params);
  const form = await readForm(request);
  const parsed = parseForm(userActionSchema, form, ["roles"]);
  // The page keeps what was typed into the details form; a password is never sent back.
  const values = Object.fromEntries(
    [...form.entries()].filter(([k]) => k !== "password").map(([k, v]) => [k, String(v)]),
  );
  if (!parsed.success) return data({ errors: parsed.errors, values }, { status: 400 });
  const input = parsed.data;
  const back = `/admin/users/${user.id}`;
  return formAction(async () => {
    switch (input.intent) {
      case "roles":
        await setRoles(admin.id, user.id, input.roles);
        return redirectWithToast(back, { key: "admin:rolesSaved", params: { name: user.name } });
      case "profile": {
        const { intent: _intent, ...profile } = input;
        await updateProfile(admin.id, user.id, profile);
        return redirectWithToast(back, { key: "admin:profileSaved", params: { name: profile.name } });
      }
      case "deactivate":
        // The first step only asks; the page answers with the confirmation form.
        if (input.confirm !== "yes") return data({ confirmDeactivate: true as const });
        await setActive(admin.id, user.id, false);
        return redirectWithToast(back, { key: "admin:deactivated", params: { name: user.name } });
      case "reactivate":
        await setActive(admin.id, user.id, true);
        return redirectWithToast(back, { key: "admin:reactivated", params: { name: user.name } });
      case "password":
        await resetPassword(admin.id, user.id, input.password);
        return redirectWithToast(back, { key: "admin:passwordReset", params: { name: user.name } });
    }
  }, values);
}

export default function AdminUser() {
  const { t } = useTranslation(["admin", "common"]);
  const locale = useLocale();
  const { user, history, teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    { errors?: Record<string, string>; values?: Record<string, string>; confirmDeactivate?: true } | undefined;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const edited = actionData?.values?.intent === "profile" ? actionData.values : null;
  const value = (field: "name" | "email" | "employeeNo" | "grade") => edited?.[field] ?? user[field];
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← {t("users.title")}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{user.name}</h1>
          <p className="muted">
            {user.email} · {user.employeeNo} · {user.team?.name ?? t("form.noTeam")} ·{" "}
            {t(messageKey("common", `common:grade.${user.grade}`))}
          </p>
        </div>
        <span className={`badge ${user.active ? "badge--ok" : "badge--danger"}`}>
          {user.active ? t("users.active") : t("users.inactive")}
        </span>
      </div>
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("admin", errors._form))}
        </p>
      ) : null}
      <div className="grid">
        <section className="card" aria-labelledby="profile-h">
          <h2 id="profile-h">{t("user.profile")}</h2>
          <Form method="post" className="form" noValidate>
            <Field name="name" label={t("form.name")} defaultValue={value("name")} error={errors.name} maxLength={80} />
            <Field
              name="email"
              type="email"
              label={t("form.email")}
              defaultValue={value("email")}
              error={errors.email}
            />
            <Field
              name="employeeNo"
              label={t("form.employeeNo")}
              defaultValue={value("employeeNo")}
              error={errors.employeeNo}
            />
            <div className="field">
              <label htmlFor="teamId">{t("form.team")}</label>
              <select
                id="teamId"
                name="teamId"
                defaultValue={edited?.teamId ?? String(user.teamId ?? "")}
                aria-invalid={errors.teamId ? true : undefined}
              >
                <option value="">{t("form.noTeam")}</option>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
              <FieldError error={errors.teamId} />
            </div>
            <div className="field">
              <label htmlFor="grade">{t("form.grade")}</label>
              <select id="grade" name="grade" defaultValue={value("grade")}>
                {GRADES.map((g) => (
                  <option key={g} value={g}>
                    {t(messageKey("common", `common:grade.${g}`))}
                  </option>
                ))}
              </select>
              <FieldError error={errors.grade} />
            </div>
            <SubmitButton pendingLabel={t("common:form.saving")} intent="profile">
              {t("user.saveProfile")}
            </SubmitButton>
          </Form>
        </section>
        <section className="card" aria-labelledby="roles-h">
          <h2 id="roles-h">{t("user.roles")}</h2>
          <Form method="post" className="form">
            <RoleCheckboxes legend={t("form.roles")} selected={user.roles} error={errors.roles} />
            <SubmitButton pendingLabel={t("common:form.saving")} intent="roles">
              {t("user.saveRoles")}
            </SubmitButton>
          </Form>
        </section>
        <section className="card" aria-labelledby="status-h">
          <h2 id="status-h">{t("user.status")}</h2>
          <p className="muted small">{t("user.deactivateHint")}</p>
          {user.active && actionData?.confirmDeactivate ? (
            <Form method="post" className="stack">
              <p className="alert alert--error" role="alert">
                {t("user.confirmDeactivate", { name: user.name, employeeNo: user.employeeNo })}
              </p>
              <input type="hidden" name="confirm" value="yes" />
              <div className="row">
                <SubmitButton className="danger" pendingLabel={t("common:form.saving")} intent="deactivate">
                  {t("user.confirmYes")}
                </SubmitButton>
                <Link to={`/admin/users/${user.id}`} className="button secondary">
                  {t("user.cancel")}
                </Link>
              </div>
            </Form>
          ) : (
            <Form method="post">
              {user.active ? (
                <SubmitButton className="danger" pendingLabel={t("common:form.saving")} intent="deactivate">
                  {t("user.deactivate")}
                </SubmitButton>
              ) : (
                <SubmitButton pendingLabel={t("common:form.saving")} intent="reactivate">
                  {t("user.reactivate")}
                </SubmitButton>
              )}
            </Form>
          )}
        </section>
        <section className="card" aria-labelledby="pw-h">
          <h2 id="pw-h">{t("user.resetPassword")}</h2>
          <Form method="post" className="form">
            <Field
              name="password"
              type="password"
              label={t("user.newPassword")}
              hint={t("form.passwordHint")}
              error={errors.password}
              autoComplete="new-password"
            />
            <SubmitButton pendingLabel={t("common:form.saving")} intent="password">
              {t("user.resetPassword")}
            </SubmitButton>
          </Form>
        </section>
      </div>
      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t("user.history")}</h2>
        {history.length === 0 ? (
          <p className="empty">{t("audit.empty")}</p>
        ) : (
          <ul>
            {history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.createdAt, locale)} — {t(`audit.${h.action}`, { defaultValue: h.action })} (
                {h.actor?.name ?? "—"})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
