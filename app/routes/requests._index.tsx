import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { TableScroll } from "~/components/ui/TableScroll";
import { pickTitle, priorityBadge, stateBadge } from "~/components/workflow/StateBadge";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { searchParamsObject } from "~/lib/validation";
import css from "~/styles/workflow.css?url";
import { requestQueue } from "~/workflow/queue.server";
import { PRIORITIES, queueFilterSchema } from "~/workflow/schemas";
import { STATES } from "~/workflow/state-machine";
import { formatSlot } from "~/workflow/time";

export const handle = { route: "/requests" } satisfies RouteHandle;
export const meta = pageMeta("workflow:list.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const url = new URL(request.url);
  const filter = queueFilterSchema.parse(searchParamsObject(url));
  const page = pageFrom(url);
  const result = await requestQueue(user, filter, page);
  return { ...result, filter, page, pages: pageCount(result.total) };
}

export default function Requests() {
  const { t } = useTranslation("workflow");
  const locale = useLocale();
  const { rows, counts, total, filter, page, pages, isHr } = useLoaderData<typeof loader>();
  const location = useLocation();
  const withState = (state?: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    if (state) params.set("state", state);
    else params.delete("state");
    return `?${params}`;
  };
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{isHr && filter.mine !== "1" ? t("list.all") : t("list.title")}</h1>
          <p className="muted">{t("list.total", { count: total })}</p>
        </div>
        <div className="row">
          {isHr ? (
            <Link to={filter.mine === "1" ? "/requests" : "/requests?mine=1"}>
              {filter.mine === "1" ? t("list.all") : t("list.mine")}
            </Link>
          ) : null}
          <Link to="/requests/new" className="button">
            {t("list.new")}
          </Link>
        </div>
      </div>
      <nav aria-label={t("list.filter")}>
        <ul className="state-counts">
          <li>
            <Link to={withState()} aria-current={!filter.state ? "true" : undefined}>
              {t("state.all")} <strong>{all}</strong>
            </Link>
          </li>
          {STATES.map((s) => (
            <li key={s}>
              <Link to={withState(s)} aria-current={filter.state === s ? "true" : undefined} data-testid={`count-${s}`}>
                {t(`state.${s}`)} <strong>{counts[s]}</strong>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters card">
        {filter.state ? <input type="hidden" name="state" value={filter.state} /> : null}
        {filter.mine ? <input type="hidden" name="mine" value="1" /> : null}
        <div className="field">
          <label htmlFor="q-priority">{t("list.priority")}</label>
          <select id="q-priority" name="priority" defaultValue={filter.priority ?? ""}>
            <option value="">{t("list.anyPriority")}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {isHr ? <TeamSelect value={filter.team} /> : null}
        <div className="field">
          <label htmlFor="q-sort">{t("list.sort")}</label>
          <select id="q-sort" name="sort" defaultValue={filter.sort}>
            {(["priority", "oldest", "newest"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`list.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("list.filter")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("list.col.id")}</th>
                <th scope="col">{t("list.col.course")}</th>
                <th scope="col">{t("list.col.requester")}</th>
                <th scope="col">{t("list.col.headcount")}</th>
                <th scope="col">{t("list.priority")}</th>
                <th scope="col">{t("list.col.age")}</th>
                <th scope="col">{t("list.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/requests/${r.id}`}>#{r.id}</Link>
                  </td>
                  <td>
                    <Link to={`/requests/${r.id}`}>{pickTitle(r.course ?? r.series, locale)}</Link>
                    <div className="small muted">
                      {t(messageKey("workflow", `slot.${r.slotKind}`))} ·{" "}
                      {t(messageKey("workflow", `delivery.${r.delivery}`))}
                    </div>
                  </td>
                  <td>
                    {r.requester.name}
                    <div className="small muted">{r.team?.name ?? ""}</div>
                  </td>
                  <td>{r.headcount}</td>
                  <td>{priorityBadge(t, r.priority)}</td>
                  <td title={formatSlot(r.createdAt, locale)}>{t("list.days", { count: r.ageDays })}</td>
                  <td>{stateBadge(t, r.state)}</td>
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

function TeamSelect({ value }: { value?: number }) {
  const { t } = useTranslation("workflow");
  const { teams } = useLoaderData<typeof loader>();
  return (
    <div className="field">
      <label htmlFor="q-team">{t("list.team")}</label>
      <select id="q-team" name="team" defaultValue={value ?? ""}>
        <option value="">{t("list.anyTeam")}</option>
        {teams.map((tm) => (
          <option key={tm.id} value={tm.id}>
            {tm.name}
          </option>
        ))}
      </select>
    </div>
  );
}
