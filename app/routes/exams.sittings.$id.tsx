import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ErrorAlert } from "~/components/exams/NoScript";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { examName } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { MAX_VOID_REASON } from "~/exams/schemas";
import { closeSitting, sittingView } from "~/exams/sittings.server";
import { voidAttempt } from "~/exams/void.server";
import { notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime, formatNumber } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { idSchema, parseForm } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/sittings/:id" } satisfies RouteHandle;
export const meta = pageMeta("sittings:list.title");
export const links = () => [{ rel: "stylesheet", href: css }];

/** How often the open page asks for fresh progress. */
const POLL_MS = 5000;

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("close") }),
  z.object({
    intent: z.literal("void"),
    attemptId: idSchema,
    reason: z
      .string()
      .trim()
      .min(1, { error: "sittings:err.voidReason" })
      .max(MAX_VOID_REASON, { error: "common:form.tooLong" }),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  const view = await sittingView(id.data);
  ensure(view, notFound());
  return { ...view, banks: await bankTitles() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  const form = await readForm(request);
  const parsed = parseForm(actionSchema, form);
  if (!parsed.success)
    return data(
      { errors: parsed.errors as Record<string, string>, error: null, attemptId: String(form.get("attemptId") ?? "") },
      { status: 400 },
    );
  const input = parsed.data;
  return formAction(async () => {
    if (input.intent === "close") {
      await closeSitting(user, id.data);
      return redirectWithToast(`/exams/sittings/${id.data}`, { key: "sittings:live.closed" });
    }
    await voidAttempt(user, input.attemptId, input.reason, { sittingId: id.data });
    return redirectWithToast(`/exams/sittings/${id.data}`, { key: "sittings:void.done" });
  });
}

export default function SittingLive() {
  const { t } = useTranslation(["sittings", "exams", "common"]);
  const locale = useLocale();
  const { sitting, people, banks } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: Record<string, string> = a?.errors ?? {};
  const failedAttempt = a && "attemptId" in a ? a.attemptId : null;
  const { revalidate, state } = useRevalidator();
  const live = sitting.state !== "closed";
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (state === "idle" && document.visibilityState === "visible") revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, revalidate, state]);
  const exam = examName((k) => t(`exams:${k}`), sitting.exam, banks, locale);
  return (
    <div className="stack">
      <p>
        <Link to="/exams/sittings">← {t("live.back")}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t("live.title", { id: sitting.id, exam })}</h1>
          <p className="muted">
            {t("live.window", {
              from: formatDateTime(sitting.opensAt, locale),
              to: formatDateTime(sitting.closedAt ?? sitting.closesAt, locale),
            })}{" "}
            · {sitting.network ? t("live.network", { network: sitting.network }) : t("live.anywhere")} ·{" "}
            {sitting.createdBy.name}
          </p>
        </div>
        <span className={`badge ${live ? "badge--ok" : "badge--warn"}`} data-testid="sitting-state">
          {t(messageKey("sittings", `state.${sitting.state}`))}
        </span>
      </div>
      <p className="card">
        {t("live.code")}:{" "}
        <strong className="sitting-code" data-testid="sitting-code">
          {sitting.code}
        </strong>
      </p>
      <ErrorAlert error={a?.error} params={a && "params" in a ? a.params : undefined} />
      {live ? (
        <div className="row">
          <Link className="button secondary" to={`/exams/sittings/${sitting.id}`}>
            {t("live.refresh")}
          </Link>
          <span className="muted small">{t("live.auto")}</span>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <SubmitButton pendingLabel={t("common:form.saving")}>{t("live.close")}</SubmitButton>
          </Form>
        </div>
      ) : null}
      {people.length === 0 ? (
        <p className="empty">{t("live.empty")}</p>
      ) : (
        <table className="table" data-testid="sitting-people">
          <thead>
            <tr>
              <th>{t("col.person")}</th>
              <th>{t("col.joined")}</th>
              <th>{t("col.progress")}</th>
              <th>{t("col.score")}</th>
              <th>{t("col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.user.id}>
                <td>
                  <Link to={`/exams/history/${p.user.id}`}>{p.user.name}</Link>{" "}
                  <span className="muted small">
                    {p.user.employeeNo} · {p.ip}
                  </span>
                </td>
                <td>{formatDateTime(p.joinedAt, locale)}</td>
                <td data-testid="progress">
                  {t(messageKey("sittings", `progress.${p.progress}`))}
                  {p.latest?.voidReason ? ` · ${p.latest.voidReason}` : ""}
                </td>
                <td>
                  {p.latest?.result ? (
                    <Link to={`/exams/results/${p.latest.result.id}`}>
                      {formatNumber(p.latest.result.score, locale, { maximumFractionDigits: 1 })}{" "}
                      {!p.latest.result.valid
                        ? t("exams:result.invalid")
                        : p.latest.result.passed
                          ? t("exams:result.passed")
                          : t("exams:result.failed")}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {p.latest && !p.latest.voidedAt ? (
                    <Form method="post" className="row">
                      <input type="hidden" name="intent" value="void" />
                      <input type="hidden" name="attemptId" value={p.latest.id} />
                      <label className="visually-hidden" htmlFor={`void-${p.latest.id}`}>
                        {t("void.reason")}
                      </label>
                      <input
                        id={`void-${p.latest.id}`}
                        name="reason"
                        placeholder={t("void.reason")}
                        maxLength={MAX_VOID_REASON}
                        required
                      />
                      <SubmitButton pendingLabel={t("common:form.saving")}>{t("void.save")}</SubmitButton>
                      {failedAttempt === String(p.latest.id) ? <FieldError error={errors.reason} /> : null}
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
