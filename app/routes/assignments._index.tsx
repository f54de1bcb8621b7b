import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assignOptions, createAssignment, listAssignments, withdrawAssignment } from "~/assignments/assignments.server";
import { assignSchema, withdrawSchema } from "~/assignments/schemas";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Field, FieldError } from "~/components/ui/Field";
import { Pagination } from "~/components/ui/Pagination";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { localDay } from "~/lib/clock";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { localTitle } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";

export const handle = { route: "/assignments" } satisfies RouteHandle;
export const meta = pageMeta("assignments:list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const page = pageFrom(new URL(request.url));
  const [list, options] = await Promise.all([listAssignments(user, page), assignOptions(user)]);
  return { ...list, page, pages: pageCount(list.total), options, today: localDay(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  if (form.get("intent") === "withdraw") {
    const parsed = parseForm(withdrawSchema, form);
    if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    return formAction(async () => {
      await withdrawAssignment(user, parsed.data.id);
      return redirectWithToast("/assignments", { key: "assignments:list.withdrawn" });
    });
  }
  const parsed = parseForm(assignSchema, form, ["people", "teams"]);
  if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const values = {
    target: String(form.get("target") ?? ""),
    dueDay: String(form.get("dueDay") ?? ""),
    refresh: String(form.get("refresh") ?? ""),
  };
  return formAction(async () => {
    const d = parsed.data;
    const made = await createAssignment(user, {
      target: d.target,
      userIds: d.people,
      teamIds: d.teams,
      dueDay: d.dueDay,
      refreshMonths: d.refresh ?? null,
    });
    return redirectWithToast("/assignments", { key: "assignments:form.created", params: { count: made.people } });
  }, values);
}

export default function Assignments() {
  const { t } = useTranslation(["assignments", "common"]);
  const locale = useLocale();
  const { rows, page, pages, options, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    { errors?: Record<string, string>; values?: Record<string, string> } | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("list.title")}</h1>
          <p className="muted">{t("list.intro")}</p>
        </div>
      </div>
      {errors._form ? (
        <p className="form-error" role="alert">
          <FieldError error={errors._form} />
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("list.course")}</th>
                <th scope="col">{t("list.due")}</th>
                <th scope="col">{t("list.refresh")}</th>
                <th scope="col">{t("list.progress")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("list.withdraw")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.course
                      ? localTitle(locale, r.course)
                      : r.series
                        ? `${t("form.series")}: ${localTitle(locale, r.series)}`
                        : "—"}
                  </td>
                  <td>{r.dueDay}</td>
                  <td>{r.refreshMonths ? t("list.everyMonths", { count: r.refreshMonths }) : t("list.once")}</td>
                  <td>
                    {t("list.done", { done: r.done, total: r.members })}
                    {r.overdue > 0 ? (
                      <span className="badge badge--danger"> {t("list.overdue", { count: r.overdue })}</span>
                    ) : null}
                  </td>
                  <td>
                    {r.mayWithdraw ? (
                      <Form method="post">
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" name="intent" value="withdraw" className="secondary">
                          {t("list.withdraw")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pages={pages} />
      <section className="card" aria-labelledby="new-assignment-h">
        <h2 id="new-assignment-h">{t("form.title")}</h2>
        <Form method="post" className="form" noValidate>
          <div className="field">
            <label htmlFor="f-target">{t("form.target")}</label>
            <select
              id="f-target"
              name="target"
              defaultValue={values.target ?? ""}
              aria-invalid={errors.target ? true : undefined}
              aria-describedby={errors.target ? "f-target-error" : undefined}
            >
              <option value="">—</option>
              <optgroup label={t("form.courses")}>
                {options.courses.map((c) => (
                  <option key={c.id} value={`course:${c.id}`}>
                    {localTitle(locale, c)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("form.series")}>
                {options.series.map((s) => (
                  <option key={s.id} value={`series:${s.id}`}>
                    {localTitle(locale, s)}
                  </option>
                ))}
              </optgroup>
            </select>
            <FieldError id="f-target-error" error={errors.target} />
          </div>
          <fieldset className="field">
            <legend>{t("form.teams")}</legend>
            {options.teams.map((tm) => (
              <label key={tm.id} className="check">
                <input type="checkbox" name="teams" value={tm.id} /> {tm.name}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="f-people">{t("form.people")}</label>
            <select
              id="f-people"
              name="people"
              multiple
              size={6}
              aria-invalid={errors.people ? true : undefined}
              aria-describedby={errors.people ? "f-people-error" : undefined}
            >
              {options.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.employeeNo})
                </option>
              ))}
            </select>
            <FieldError id="f-people-error" error={errors.people} />
          </div>
          <Field
            name="dueDay"
            type="date"
            label={t("form.dueDay")}
            min={today}
            defaultValue={values.dueDay}
            error={errors.dueDay}
          />
          <Field
            name="refresh"
            type="number"
            min={1}
            max={120}
            label={t("form.refresh")}
            defaultValue={values.refresh}
            error={errors.refresh}
          />
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("form.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
