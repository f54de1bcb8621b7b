import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAudit } from "~/admin/audit.server";
import { userActionSchema } from "~/admin/schemas";
import { getUserDetail, resetPassword, setActive, setRoles } from "~/admin/users.server";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Field } from "~/components/ui/Field";
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
  const { rows } = await listAudit(1, user.id);
  return { user, history: rows };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRouteAccess(request, handle);
  const user = await loadUser(params);
  const parsed = parseForm(userActionSchema, await readForm(request), ["roles"]);
  if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 });
  const input = parsed.data;
  const back = `/admin/users/${user.id}`;
  return formAction(async () => {
    switch (input.intent) {
      case "roles":
        await setRoles(admin.id, user.id, input.roles);
        return redirectWithToast(back, { key: "admin:rolesSaved", params: { name: user.name } });
      case "deactivate":
        await setActive(admin.id, user.id, false);
        return redirectWithToast(back, { key: "admin:deactivated", params: { name: user.name } });
      case "reactivate":
        await setActive(admin.id, user.id, true);
        return redirectWithToast(back, { key: "admin:reactivated", params: { name: user.name } });
      case "password":
        await resetPassword(admin.id, user.id, input.password);
        return redirectWithToast(back, { key: "admin:passwordReset", params: { name: user.name } });
    }
  });
}

export default function AdminUser() {
  const { t } = useTranslation(["admin", "common"]);
  const locale = useLocale();
  const { user, history } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
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
