import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { TableScroll } from "~/components/ui/TableScroll";
import { RequestActions } from "~/components/workflow/RequestActions";
import { ScheduleForm } from "~/components/workflow/ScheduleForm";
import { pickTitle, PriorityBadge, StateBadge } from "~/components/workflow/StateBadge";
import { notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { formValues, parseForm, idSchema } from "~/lib/validation";
import css from "~/styles/workflow.css?url";
import { getRequestView } from "~/workflow/queue.server";
import { schedulingPanel } from "~/workflow/request-page.server";
import { scheduleRequest } from "~/workflow/scheduling.server";
import { scheduleSchema, transitionSchema } from "~/workflow/schemas";
import { formatSlot } from "~/workflow/time";
import { applyTransition } from "~/workflow/transitions.server";

export const handle = { route: "/requests/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data, t }) => data && t("workflow:detail.title", { id: data.view.id }));
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
// A refused move (409) still reloads the page, so the viewer sees the state that won.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

function requestId(params: { id?: string }) {
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = requestId(params);
  const view = await getRequestView(user, id);
  ensure(view, notFound());
  const query = new URL(request.url).searchParams;
  const panel = view.canSchedule
    ? await schedulingPanel(view, query.get("day"), { trainerId: query.get("trainerId"), roomId: query.get("roomId") })
    : null;
  return { view, panel };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = requestId(params);
  const form = await readForm(request);
  const back = `/requests/${id}`;
  if (form.get("intent") === "schedule") {
    // A proposal chosen from the roster ("YYYY-MM-DDTHH:mm") stands for the date and start typed.
    const slot = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(String(form.get("slot") ?? ""));
    if (slot) {
      form.set("date", slot[1]!);
      form.set("start", slot[2]!);
    }
    const parsed = parseForm(scheduleSchema, form);
    if (!parsed.success) return data({ errors: parsed.errors, params: {}, values: parsed.values }, { status: 400 });
    return formAction(async () => {
      const { sessions, flagged } = await scheduleRequest(user, id, parsed.data);
      if (!flagged.length)
        return redirectWithToast(back, { key: "workflow:schedule.done", params: { count: sessions } });
      const t = serverT(detectLocale(request), "workflow");
      const names = flagged.map((f) => t(messageKey("workflow", `flag.${f.reason}`), { name: f.name })).join(", ");
      return redirectWithToast(back, {
        key: "workflow:schedule.doneFlagged",
        params: { count: sessions, names },
        kind: "info",
      });
    }, formValues(form));
  }
  const parsed = parseForm(transitionSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors, params: {}, values: parsed.values }, { status: 400 });
  const { action: act, version, reason } = parsed.data;
  return formAction(async () => {
    const { state } = await applyTransition(user, id, act, version, reason);
    return redirectWithToast(back, {
      key: "workflow:detail.moved",
      params: { id, state: serverT(detectLocale(request), "workflow")(`state.${state}`) },
    });
  }, formValues(form));
}

export default function RequestPage() {
  const { t } = useTranslation("workflow");
  const locale = useLocale();
  const { view, panel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const params = (result?.params ?? {}) as Record<string, string>;
  const formError = errors._form
    ? t(messageKey("workflow", errors._form), {
        ...params,
        state: params.state ? t(messageKey("workflow", `state.${params.state}`)) : "",
      })
    : null;
  return (
    <div className="stack">
      <p>
        <Link to="/requests">← {t("list.title")}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t("detail.title", { id: view.id })}</h1>
          <p className="muted">{pickTitle(view.course ?? view.series, locale)}</p>
        </div>
        <div className="row">
          <PriorityBadge priority={view.priority} />
          <StateBadge state={view.state} />
        </div>
      </div>
      {formError ? (
        <div className="alert alert--error" role="alert">
          <p>{formError}</p>
          {params.state ? (
            <p className="small">
              {t("detail.currentState", { state: t(messageKey("workflow", `state.${params.state}`)) })} ·{" "}
              <Link to={`/requests/${view.id}`} reloadDocument>
                {t("detail.reload")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="request-grid">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h" className="visually-hidden">
            {t("detail.title", { id: view.id })}
          </h2>
          <dl className="facts">
            <dt>{t("detail.requester")}</dt>
            <dd>{view.requester.name}</dd>
            <dt>{t("detail.team")}</dt>
            <dd>{view.team?.name ?? "—"}</dd>
            <dt>{view.course ? t("detail.course") : t("detail.series")}</dt>
            <dd>{pickTitle(view.course ?? view.series, locale)}</dd>
            <dt>{t("detail.delivery")}</dt>
            <dd>{t(messageKey("workflow", `delivery.${view.delivery}`))}</dd>
            <dt>{t("detail.slotKind")}</dt>
            <dd>{t(messageKey("workflow", `slot.${view.slotKind}`))}</dd>
            <dt>{t("detail.preferred")}</dt>
            <dd>
              <ul className="agenda">
                {view.preferred.map((p) => (
                  <li key={p}>{formatSlot(p, locale, { dateStyle: "full", timeStyle: "short" })}</li>
                ))}
              </ul>
            </dd>
            <dt>{t("detail.priority")}</dt>
            <dd>{t(messageKey("workflow", `priority.${view.priority}`))}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="att-h">
          <h2 id="att-h">{t("detail.attendees", { count: view.headcount })}</h2>
          <ul>
            {view.attendees.map((a) => (
              <li key={a.userId}>{a.user.name}</li>
            ))}
          </ul>
        </section>
      </div>
      <section className="card" aria-labelledby="need-h">
        <h2 id="need-h">{t("detail.need")}</h2>
        <p className="need">{view.need}</p>
      </section>
      <RequestActions view={view} errors={errors} values={(result?.values ?? {}) as Record<string, string>} />
      {panel ? (
        <ScheduleForm
          panel={panel}
          version={view.version}
          headcount={view.headcount}
          errors={errors}
          values={(result?.values ?? {}) as Record<string, string>}
        />
      ) : null}
      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t("detail.sessions")}</h2>
        {view.sessions.length === 0 ? (
          <p className="empty">{t("detail.noSessions")}</p>
        ) : (
          <TableScroll>
            <table className="table">
              <tbody>
                {view.sessions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {formatSlot(s.startsAt, locale, { dateStyle: "full", timeStyle: "short" })} –{" "}
                      {formatSlot(s.endsAt, locale, { timeStyle: "short" })}
                    </td>
                    <td>{pickTitle(s.course ?? view.series, locale)}</td>
                    <td>{s.trainer.name}</td>
                    <td>
                      {s.room || t("detail.online")}
                      {s.onlineLink ? (
                        <>
                          {" "}
                          ·{" "}
                          <a href={s.onlineLink} rel="noreferrer">
                            {s.onlineLink}
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <StateBadge state={s.status} />
                    </td>
                    <td>
                      <a href={`/calendar/${s.id}.ics`} download>
                        {t("detail.ics")}
                      </a>
                      {view.canDeliver ? (
                        <>
                          {" "}
                          · <Link to={`/schedule/${s.id}`}>{t("detail.roster")}</Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="tl-h">
        <h2 id="tl-h">{t("detail.timeline")}</h2>
        <ol className="timeline" data-testid="timeline">
          {view.transitions.map((tr) => (
            <li key={tr.id}>
              <strong>{t(messageKey("workflow", `action.${tr.action}`))}</strong> · {tr.actor.name} ·{" "}
              <time dateTime={String(tr.createdAt)}>{formatSlot(tr.createdAt, locale)}</time>
              {tr.fromState && tr.fromState !== tr.toState ? (
                <span className="small muted">
                  {" "}
                  ({t(messageKey("workflow", `state.${tr.fromState}`))} →{" "}
                  {t(messageKey("workflow", `state.${tr.toState}`))})
                </span>
              ) : null}
              {tr.comment ? <blockquote>{tr.comment}</blockquote> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
