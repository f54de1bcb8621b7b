import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { ReschedulePanel } from "~/components/workflow/ReschedulePanel";
import { pickTitle, StateBadge } from "~/components/workflow/StateBadge";
import { notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { formValues, parseForm, idSchema } from "~/lib/validation";
import css from "~/styles/workflow.css?url";
import { getRoster, recordRoster, type Attendance } from "~/workflow/delivery.server";
import { cancelSessionSchema, moveSessionSchema } from "~/workflow/reschedule-schemas";
import { cancelSession, moveSession, reschedulePanel } from "~/workflow/reschedule.server";
import { ATTENDANCE, rosterSchema } from "~/workflow/schemas";
import { formatSlot } from "~/workflow/time";

export const handle = { route: "/schedule/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, t, locale }) => data && t("workflow:roster.title", { title: localTitle(locale, data.roster.title) }),
);
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
// A refused move (409) still reloads the page, so the viewer sees the state that won.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  const roster = id.success ? await getRoster(user, id.data) : null;
  ensure(roster, notFound());
  return { roster, panel: await reschedulePanel(user, roster.id), now: Date.now() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "move" || intent === "cancel") return reschedule(user, id.data, form);
  const parsed = parseForm(rosterSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors, params: {}, values: formValues(form) }, { status: 400 });
  const attendance = new Map<number, Attendance>();
  for (const [key, value] of form.entries()) {
    const m = /^att-(\d+)$/.exec(key);
    if (!m) continue;
    if (!(ATTENDANCE as readonly string[]).includes(String(value)))
      return data({ errors: { _form: "workflow:err.invalid" }, params: {}, values: formValues(form) }, { status: 400 });
    attendance.set(Number(m[1]), value as Attendance);
  }
  const deliver = parsed.data.intent === "deliver";
  return formAction(async () => {
    await recordRoster(user, id.data, { attendance, notes: parsed.data.notes, deliver });
    return redirectWithToast(`/schedule/${id.data}`, {
      key: deliver ? "workflow:roster.delivered" : "workflow:roster.saved",
    });
  }, formValues(form));
}

/** HR's move and cancel forms (decision 040). */
async function reschedule(user: Parameters<typeof moveSession>[0], id: number, form: FormData) {
  const values = formValues(form);
  const bad = (errors: Record<string, string>) => data({ errors, params: {}, values }, { status: 400 });
  if (form.get("intent") === "move") {
    const parsed = parseForm(moveSessionSchema, form);
    if (!parsed.success) return bad(parsed.errors);
    return formAction(async () => {
      await moveSession(user, id, parsed.data);
      return redirectWithToast(`/schedule/${id}`, { key: "reschedule:move.done" });
    }, values);
  }
  const parsed = parseForm(cancelSessionSchema, form);
  if (!parsed.success) return bad(parsed.errors);
  return formAction(async () => {
    await cancelSession(user, id, parsed.data);
    return redirectWithToast(`/schedule/${id}`, { key: "reschedule:cancel.done" });
  }, values);
}

export default function Roster() {
  const { t } = useTranslation(["workflow", "common"]);
  const locale = useLocale();
  const { roster, panel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const params = (result?.params ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const open = roster.status === "scheduled" && roster.canRecord;
  return (
    <div className="stack">
      <p>
        <Link to="/schedule">← {t("week.title")}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t("roster.title", { title: pickTitle(roster.title, locale) })}</h1>
          <dl className="facts">
            <dt>{t("roster.when")}</dt>
            <dd>
              {formatSlot(roster.startsAt, locale, { dateStyle: "full", timeStyle: "short" })} –{" "}
              {formatSlot(roster.endsAt, locale, { timeStyle: "short" })}
            </dd>
            <dt>{t("roster.where")}</dt>
            <dd>
              {roster.room || t("detail.online")}{" "}
              {roster.onlineLink ? (
                <a href={roster.onlineLink} rel="noreferrer">
                  {roster.onlineLink}
                </a>
              ) : null}
            </dd>
            <dt>{t("roster.trainer")}</dt>
            <dd>{roster.trainer.name}</dd>
          </dl>
        </div>
        <div className="row">
          <StateBadge state={roster.status} />
          <a href={`/calendar/${roster.id}.ics`} download>
            {t("detail.ics")}
          </a>
          {roster.requestId ? (
            <Link to={`/requests/${roster.requestId}`}>{t("archive.request", { id: roster.requestId })}</Link>
          ) : null}
        </div>
      </div>
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("workflow", errors._form), {
            ...params,
            state: params.state ? t(messageKey("workflow", `state.${params.state}`)) : "",
          })}
        </p>
      ) : null}
      <ReschedulePanel panel={panel} session={roster} intent={values.intent} errors={errors} values={values} />
      {!open && roster.status !== "scheduled" ? (
        <p className="alert alert--info">
          {t("roster.readOnly", { state: t(messageKey("workflow", `state.${roster.status}`)) })}{" "}
          {roster.deliveredAt ? t("roster.deliveredAt", { when: formatSlot(roster.deliveredAt, locale) }) : null}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("roster.attendee")}</th>
                <th scope="col">{t("archive.state")}</th>
              </tr>
            </thead>
            <tbody>
              {roster.attendees.map((a) => {
                const current = values[`att-${a.user.id}`] ?? a.attendance;
                return (
                  <tr key={a.user.id}>
                    <th scope="row">
                      {a.user.name} <span className="small muted">{a.user.employeeNo}</span>
                    </th>
                    <td>
                      <fieldset className="roster-choice" disabled={!open}>
                        <legend className="visually-hidden">{a.user.name}</legend>
                        {ATTENDANCE.map((v) => (
                          <label key={v}>
                            <input type="radio" name={`att-${a.user.id}`} value={v} defaultChecked={current === v} />
                            {t(`attendance.${v}`)}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <div className="field">
          <label htmlFor="f-notes">{t("roster.notes")}</label>
          <p className="field-hint">{t("roster.notesHint")}</p>
          <textarea
            id="f-notes"
            name="notes"
            rows={4}
            maxLength={4000}
            defaultValue={values.notes ?? roster.notes}
            readOnly={!open}
          />
        </div>
        {open ? (
          <div className="row">
            <SubmitButton intent="save" className="secondary" pendingLabel={t("common:form.saving")}>
              {t("roster.save")}
            </SubmitButton>
            <SubmitButton intent="deliver" pendingLabel={t("common:form.saving")}>
              {t("roster.deliver")}
            </SubmitButton>
          </div>
        ) : null}
      </Form>
    </div>
  );
}
