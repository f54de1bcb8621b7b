import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { newTeamSchema } from "~/admin/schemas";
import { createTeam, listTeamsWithCounts } from "~/admin/teams.server";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Field } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";

export const handle = { route: "/admin/teams" } satisfies RouteHandle;
export const meta = pageMeta("admin:teams.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  return { teams: await listTeamsWithCounts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  const parsed = parseForm(newTeamSchema, form);
  const values = { name: String(form.get("name") ?? "") };
  if (!parsed.success) return data({ errors: parsed.errors, values }, { status: 400 });
  return formAction(async () => {
    const team = await createTeam(admin.id, parsed.data.name);
    return redirectWithToast(`/admin/teams/${team.id}`, { key: "admin:teams.created", params: parsed.data });
  }, values);
}

export default function Teams() {
  const { t } = useTranslation(["admin", "common"]);
  const { teams } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    { errors?: Record<string, string>; values?: Record<string, string> } | undefined;
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← {t("users.title")}</Link>
      </p>
      <h1>{t("teams.title")}</h1>
      {teams.length === 0 ? (
        <p className="empty">{t("teams.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("teams.name")}</th>
              <th scope="col">{t("teams.lead")}</th>
              <th scope="col">{t("teams.col.members")}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.id}>
                <td>
                  <Link to={`/admin/teams/${team.id}`}>{team.name}</Link>
                </td>
                <td>{team.leads.map((l) => l.name).join("、") || t("teams.noLead")}</td>
                <td>{t("teams.members", { count: team._count.members })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="card" aria-labelledby="new-team-h">
        <h2 id="new-team-h">{t("teams.new")}</h2>
        <Form method="post" className="form" noValidate>
          <Field
            name="name"
            label={t("teams.name")}
            defaultValue={actionData?.values?.name}
            error={actionData?.errors?.name}
            maxLength={60}
          />
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("teams.create")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
