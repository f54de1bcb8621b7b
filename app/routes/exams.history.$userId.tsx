import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { canSeeExamsOf, grantsExamAttempts } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { HistoryChart } from "~/components/exams/HistoryChart";
import { ErrorAlert } from "~/components/exams/NoScript";
import { Score } from "~/components/exams/ResultBanner";
import { FieldError } from "~/components/ui/Field";
import { Pagination } from "~/components/ui/Pagination";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { grantAttempt, openGrants } from "~/exams/attempts.server";
import { dailySeries } from "~/exams/history";
import { examName } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { attemptHistory, planInfo, userName } from "~/exams/readiness.server";
import { uncounted } from "~/exams/review";
import { grantFormSchema } from "~/exams/schemas";
import { forbidden, notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { readForm } from "~/lib/read-form.server";
import { idSchema, parseForm } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/history/:userId" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, t }) => data && t("exams:history.title", { name: data.person.name }),
);
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.userId);
  ensure(id.success, notFound());
  // Trainees see their own history; trainers and HR see anyone's.
  ensure(canSeeExamsOf(user, id.data), forbidden());
  const person = await userName(id.data);
  ensure(person, notFound());
  const page = pageFrom(new URL(request.url));
  const [h, { sittingRequired }] = await Promise.all([attemptHistory(person.id, page), planInfo()]);
  // Why a result does not count toward readiness (decision record 025), said on its row.
  const rows = h.rows.map(({ attempt, ...r }) => ({
    ...r,
    uncounted: uncounted({ exam: r.exam, attempt }, sittingRequired),
    voidReason: attempt?.voidReason ?? null,
  }));
  const series = dailySeries(h.points);
  const canGrant = grantsExamAttempts(user);
  const grants = canGrant ? await openGrants(person.id) : [];
  return { person, rows, pages: pageCount(h.total), page, series, banks: await bankTitles(), canGrant, grants };
}

/** HR grants one more attempt past the cool-down or the day's limit, with a reason (audited). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.userId);
  ensure(id.success, notFound());
  ensure(grantsExamAttempts(user), forbidden());
  const parsed = parseForm(grantFormSchema, await readForm(request));
  if (!parsed.success) return data({ errors: parsed.errors as Record<string, string>, error: null }, { status: 400 });
  return formAction(async () => {
    await grantAttempt(user.id, id.data, parsed.data.exam, parsed.data.reason);
    return redirectWithToast(`/exams/history/${id.data}`, { key: "exams:grant.saved" });
  });
}

const GRANTABLE = ["typing:zh", "typing:en", "response", "quick-reply"] as const;

export default function History() {
  const { t } = useTranslation(["exams", "common", "sittings"]);
  const locale = useLocale();
  const { person, rows, pages, page, series, banks, canGrant, grants } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: Record<string, string> = (a && "errors" in a ? a.errors : undefined) ?? {};
  return (
    <div className="stack">
      <p>
        <Link to="/exams">← {t("home.title")}</Link>
      </p>
      <h1>{t("history.title", { name: person.name })}</h1>
      {series.length ? (
        <HistoryChart
          series={series}
          names={Object.fromEntries(series.map((s) => [s.exam, examName(t, s.exam, banks, locale)]))}
        />
      ) : (
        <p className="empty">{t("history.noChart")}</p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t("history.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th>{t("history.when")}</th>
                <th>{t("history.exam")}</th>
                <th>{t("history.score")}</th>
                <th>{t("history.verdict")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/exams/results/${r.id}`}>{formatDateTime(r.createdAt, locale)}</Link>
                  </td>
                  <td>{examName(t, r.exam, banks, locale)}</td>
                  <td data-testid="history-score">
                    <Score exam={r.exam} score={r.score} />
                  </td>
                  <td>
                    <span className={`badge ${!r.valid ? "badge--danger" : r.passed ? "badge--ok" : "badge--warn"}`}>
                      {!r.valid ? t("result.invalid") : r.passed ? t("result.passed") : t("result.failed")}
                    </span>
                    {r.uncounted ? (
                      <p className="small muted" data-testid="uncounted">
                        {r.uncounted === "voided"
                          ? t("sittings:history.voided", { reason: r.voidReason ?? "" })
                          : t("sittings:history.noSitting")}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} pages={pages} />
      {canGrant ? (
        <Form method="post" className="card stack" aria-labelledby="grant-h">
          <h2 id="grant-h">{t("grant.title")}</h2>
          <p className="muted small">{t("grant.intro")}</p>
          <ErrorAlert error={a && "error" in a ? a.error : null} />
          {grants.length ? (
            <ul data-testid="open-grants">
              {grants.map((g) => (
                <li key={g.id}>
                  {examName(t, g.exam, banks, locale)} · {g.reason}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="field">
            <label htmlFor="grant-exam">{t("grant.exam")}</label>
            <select id="grant-exam" name="exam" required>
              {GRANTABLE.map((e) => (
                <option key={e} value={e}>
                  {examName(t, e, banks, locale)}
                </option>
              ))}
            </select>
            <FieldError error={errors.exam} />
          </div>
          <div className="field">
            <label htmlFor="grant-reason">{t("grant.reason")}</label>
            <input id="grant-reason" name="reason" maxLength={500} required />
            <FieldError error={errors.reason} />
          </div>
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("grant.save")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
