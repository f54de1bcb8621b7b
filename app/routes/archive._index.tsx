import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { ArchiveFilters } from "~/components/workflow/ArchiveFilters";
import { pickTitle, stateBadge } from "~/components/workflow/StateBadge";
import { DomainError, refusal } from "~/lib/errors";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatPercent } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { readForm } from "~/lib/read-form.server";
import { searchParamsObject, idSchema } from "~/lib/validation";
import css from "~/styles/workflow.css?url";
import { surveySummaryForSession } from "~/surveys/summary.server";
import { archiveFilterOptions, archiveSession, searchArchive } from "~/workflow/archive.server";
import { archiveFilterSchema } from "~/workflow/schemas";
import { formatSlot } from "~/workflow/time";

export const handle = { route: "/archive" } satisfies RouteHandle;
export const meta = pageMeta("workflow:archive.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
// A refused move (409) still reloads the page, so the viewer sees the state that won.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const url = new URL(request.url);
  const filter = archiveFilterSchema.parse(searchParamsObject(url));
  const page = pageFrom(url);
  const [found, options] = await Promise.all([searchArchive(filter, page).catch(refusal), archiveFilterOptions()]);
  if (found instanceof DomainError) {
    return data(
      { filter, options, rows: [], total: 0, page, pages: 1, error: found.messageKey },
      { status: found.status },
    );
  }
  const rows = await Promise.all(found.rows.map(async (r) => ({ ...r, survey: await surveySummaryForSession(r.id) })));
  return {
    filter,
    options,
    rows,
    total: found.total,
    page,
    pages: pageCount(found.total),
    error: null as string | null,
  };
}

const archiveForm = z.object({
  sessionId: idSchema,
  version: z.coerce.number().int().nonnegative().default(0),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const parsed = archiveForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success)
    return data({ errors: { _form: "workflow:err.invalid" } as Record<string, string>, params: {} }, { status: 400 });
  return formAction(async () => {
    await archiveSession(user, parsed.data.sessionId, parsed.data.version);
    const url = new URL(request.url);
    return redirectWithToast(`/archive${url.search}`, { key: "workflow:archive.archived" });
  });
}

export default function Archive() {
  const { t } = useTranslation(["workflow", "common"]);
  const locale = useLocale();
  const { filter, options, rows, total, page, pages, error } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const params = (result?.params ?? {}) as Record<string, string>;
  const actionError = result?.errors?._form;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("archive.title")}</h1>
          <p className="muted">{t("archive.total", { count: total })}</p>
        </div>
        <a className="button" href={`/archive.csv${location.search}`} download>
          {t("archive.csv")}
        </a>
      </div>
      <ArchiveFilters filter={filter} options={options} error={error} />
      {actionError ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("workflow", actionError), {
            ...params,
            state: params.state ? t(messageKey("workflow", `state.${params.state}`)) : "",
          })}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">{t("archive.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table archive-table" data-testid="archive-list">
            <thead>
              <tr>
                <th scope="col">{t("csv.date")}</th>
                <th scope="col">{t("csv.course")}</th>
                <th scope="col">{t("csv.trainer")}</th>
                <th scope="col">{t("archive.attendanceHead")}</th>
                <th scope="col">{t("archive.surveyHead")}</th>
                <th scope="col">{t("csv.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatSlot(r.startsAt, locale)}</td>
                  <td>
                    <strong>{pickTitle(r.title, locale)}</strong>
                    <div className="small muted">
                      {r.room || t("detail.online")}
                      {r.team ? ` · ${r.team}` : ""}
                      {r.request ? (
                        <>
                          {" "}
                          · <Link to={`/requests/${r.request.id}`}>{t("archive.request", { id: r.request.id })}</Link>
                        </>
                      ) : null}
                    </div>
                    {r.notes ? (
                      <details>
                        <summary>{t("archive.notes")}</summary>
                        <p className="need">{r.notes}</p>
                      </details>
                    ) : null}
                  </td>
                  <td>{r.trainer.name}</td>
                  <td>{t("archive.attendance", r.counts)}</td>
                  <td className="small">
                    {r.survey
                      ? r.survey.satisfactionRate !== null && !r.survey.suppressed
                        ? t("archive.survey", {
                            rate: formatPercent(r.survey.satisfactionRate, locale),
                            responses: r.survey.responses,
                            invited: r.survey.invited,
                          })
                        : t("archive.surveyCounts", { responses: r.survey.responses, invited: r.survey.invited })
                      : t("archive.surveyNone")}
                  </td>
                  <td>
                    {stateBadge(t, r.status)}
                    {r.status === "delivered" && (!r.request || r.request.state === "delivered") ? (
                      <Form method="post">
                        <input type="hidden" name="sessionId" value={r.id} />
                        <input type="hidden" name="version" value={r.request?.version ?? 0} />
                        <SubmitButton className="secondary" pendingLabel={t("common:form.saving")}>
                          {t("archive.archive")}
                        </SubmitButton>
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
    </div>
  );
}
