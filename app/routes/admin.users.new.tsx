import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createUserSchema } from "~/admin/schemas";
import { createUser, listTeams } from "~/admin/users.server";
import { requireRouteAccess } from "~/auth/guards.server";
import { GRADES } from "~/auth/roles";
import type { RouteHandle } from "~/auth/route-access";
import { Field, FieldError } from "~/components/ui/Field";
import { RoleCheckboxes } from "~/components/ui/RoleCheckboxes";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";

export const handle = { route: "/admin/users/new" } satisfies RouteHandle;
export const meta = pageMeta("admin:users.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  return { teams: await listTeams() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  const parsed = parseForm(createUserSchema, form, ["roles"]);
  const roles = form.getAll("roles").map(String);
  if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values, roles }, { status: 400 });
  const { password: _pw, ...values } = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  return formAction(
    async () => {
      const { id } = await createUser(admin.id, parsed.data);
      return redirectWithToast(`/admin/users/${id}`, { key: "admin:created", params: { name: parsed.data.name } });
    },
    values,
    { roles },
  );
}

export default function NewUser() {
  const { t } = useTranslation(["admin", "common"]);
  const { teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="card">
      <h1>{t("users.new")}</h1>
      <Form method="post" className="form" noValidate>
        <Field
          name="name"
          label={t("form.name")}
          defaultValue={values.name}
          error={errors.name}
          required
          maxLength={80}
        />
        <Field
          name="email"
          type="email"
          label={t("form.email")}
          defaultValue={values.email}
          error={errors.email}
          required
        />
        <Field
          name="employeeNo"
          label={t("form.employeeNo")}
          defaultValue={values.employeeNo}
          error={errors.employeeNo}
          required
        />
        <div className="field">
          <label htmlFor="teamId">{t("form.team")}</label>
          <select
            id="teamId"
            name="teamId"
            defaultValue={values.teamId ?? ""}
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
          <select id="grade" name="grade" defaultValue={values.grade ?? "junior"}>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {t(messageKey("common", `common:grade.${g}`))}
              </option>
            ))}
          </select>
          <FieldError error={errors.grade} />
        </div>
        <RoleCheckboxes legend={t("form.roles")} selected={actionData?.roles ?? ["TRAINEE"]} error={errors.roles} />
        <Field
          name="password"
          type="password"
          label={t("form.password")}
          hint={t("form.passwordHint")}
          error={errors.password}
          autoComplete="new-password"
          required
        />
        <SubmitButton pendingLabel={t("form.creating")}>{t("form.create")}</SubmitButton>
      </Form>
    </div>
  );
}
