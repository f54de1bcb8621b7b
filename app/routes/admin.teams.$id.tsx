import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { teamActionSchema } from "~/admin/schemas";
import {
  addMember,
  candidates,
  getTeam,
  leadCandidates,
  removeMember,
  renameTeam,
  setLead,
} from "~/admin/teams.server";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Field, FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { idSchema, parseForm } from "~/lib/validation";

export const handle = { route: "/admin/teams/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data }) => data?.team.name);

async function loadTeam(params: { id?: string }) {
  const id = idSchema.safeParse(params.id);
  const team = id.success ? await getTeam(id.data) : null;
  ensure(team, notFound());
  return team;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const team = await loadTeam(params);
  const [people, leads] = await Promise.all([candidates(team.id), leadCandidates()]);
  return { team, people, leads };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRouteAccess(request, handle);
  const team = await loadTeam(params);
  const form = await readForm(request);
  const parsed = parseForm(teamActionSchema, form);
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  if (!parsed.success) return data({ errors: parsed.errors, values }, { status: 400 });
  const input = parsed.data;
  return formAction(async () => {
    switch (input.intent) {
      case "rename":
        await renameTeam(admin.id, team.id, input.name);
        break;
      case "lead":
        await setLead(admin.id, team.id, input.leadId);
        break;
      case "add":
        await addMember(admin.id, team.id, input.userId);
        break;
      case "remove":
        await removeMember(admin.id, team.id, input.userId);
        break;
    }
    const name = input.intent === "rename" ? input.name : team.name;
    return redirectWithToast(`/admin/teams/${team.id}`, { key: "admin:teams.saved", params: { name } });
  }, values);
}

export default function TeamPage() {
  const { t } = useTranslation(["admin", "common"]);
  const { team, people, leads } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    { errors?: Record<string, string>; values?: Record<string, string>; error?: string } | undefined;
  const errors = actionData?.errors ?? {};
  return (
    <div className="stack">
      <p>
        <Link to="/admin/teams">← {t("teams.title")}</Link>
      </p>
      <h1>{team.name}</h1>
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("admin", errors._form))}
        </p>
      ) : null}
      <div className="grid">
        <section className="card" aria-labelledby="rename-h">
          <h2 id="rename-h">{t("teams.rename")}</h2>
          <Form method="post" className="form" noValidate>
            <Field
              name="name"
              label={t("teams.name")}
              defaultValue={actionData?.values?.name ?? team.name}
              error={errors.name}
              maxLength={60}
            />
            <SubmitButton pendingLabel={t("common:form.saving")} intent="rename">
              {t("teams.rename")}
            </SubmitButton>
          </Form>
        </section>
        <section className="card" aria-labelledby="lead-h">
          <h2 id="lead-h">{t("teams.setLead")}</h2>
          <Form method="post" className="form">
            <div className="field">
              <label htmlFor="leadId">{t("teams.lead")}</label>
              <select id="leadId" name="leadId" defaultValue={String(team.leads[0]?.id ?? "")}>
                <option value="">{t("teams.noLead")}</option>
                {leads.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
              <FieldError error={errors.leadId} />
            </div>
            <SubmitButton pendingLabel={t("common:form.saving")} intent="lead">
              {t("teams.setLead")}
            </SubmitButton>
          </Form>
        </section>
        <section className="card" aria-labelledby="add-h">
          <h2 id="add-h">{t("teams.addMember")}</h2>
          <Form method="post" className="form">
            <div className="field">
              <label htmlFor="userId">{t("teams.person")}</label>
              <select id="userId" name="userId">
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.employeeNo})
                  </option>
                ))}
              </select>
              <FieldError error={errors.userId} />
            </div>
            <SubmitButton pendingLabel={t("common:form.saving")} intent="add">
              {t("teams.add")}
            </SubmitButton>
          </Form>
        </section>
      </div>
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t("teams.members", { count: team.members.length })}</h2>
        {team.members.length === 0 ? (
          <p className="empty">{t("teams.noMembers")}</p>
        ) : (
          <ul>
            {team.members.map((m) => (
              <li key={m.id} className="row">
                <Link to={`/admin/users/${m.id}`}>{m.name}</Link> <span className="muted">{m.employeeNo}</span>
                <Form method="post">
                  <input type="hidden" name="userId" value={m.id} />
                  <SubmitButton className="secondary" pendingLabel={t("common:form.saving")} intent="remove">
                    {t("teams.remove")}
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
