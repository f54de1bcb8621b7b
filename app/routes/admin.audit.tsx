import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, OBJECT_KINDS } from "~/admin/audit-actions";
import { auditFilterSchema, filterParams } from "~/admin/audit-filter";
import { auditWords } from "~/admin/audit-text.server";
import { auditActors, searchAudit } from "~/admin/audit.server";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { pageMeta } from "~/lib/i18n/meta";
import { pageCount } from "~/lib/pagination";
import { parseQuery } from "~/lib/query.server";
import css from "~/styles/workflow.css?url";

export const handle = { route: "/admin/audit" } satisfies RouteHandle;
export const meta = pageMeta("audit:title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const filter = parseQuery(request, auditFilterSchema);
  const page = filter.page ?? 1;
  const [{ total, rows }, actors, say] = await Promise.all([
    searchAudit(filter, page),
    auditActors(),
    auditWords(detectLocale(request)),
  ]);
  const { page: _page, ...shown } = filter;
  const query = filterParams(filter).toString();
  return { filter: shown, query, page, pages: pageCount(total), total, actors, lines: rows.map(say) };
}

export default function AuditLogPage() {
  const { t } = useTranslation(["audit", "admin"]);
  const { filter, query, page, pages, total, actors, lines } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← {t("admin:users.title")}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
          <p className="muted">{t("count", { count: total })}</p>
        </div>
        <a className="button" href={`/admin/audit.csv${query ? `?${query}` : ""}`} download>
          {t("export")}
        </a>
      </div>
      <Form method="get" className="filters card" aria-label={t("filter.legend")}>
        <div className="field">
          <label htmlFor="f-actor">{t("filter.actor")}</label>
          <select id="f-actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">{t("filter.any")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-action">{t("filter.action")}</label>
          <select id="f-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("filter.any")}</option>
            {AUDIT_ACTION_NAMES.map((a) => (
              <option key={a} value={a}>
                {t(AUDIT_ACTIONS[a].label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t("filter.kind")}</label>
          <select id="f-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t("filter.any")}</option>
            {OBJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(messageKey("audit", `kind.${k}`))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-object">{t("filter.object")}</label>
          <input
            id="f-object"
            name="object"
            inputMode="numeric"
            pattern="[0-9]{1,10}"
            maxLength={10}
            defaultValue={filter.object ?? ""}
          />
        </div>
        <div className="field">
          <label htmlFor="f-from">{t("filter.from")}</label>
          <input id="f-from" type="date" name="from" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("filter.to")}</label>
          <input id="f-to" type="date" name="to" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit">{t("filter.apply")}</button>
        {query ? <Link to="/admin/audit">{t("filter.clear")}</Link> : null}
      </Form>
      {lines.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table className="table" data-testid="audit-list">
          <thead>
            <tr>
              <th scope="col">{t("col.when")}</th>
              <th scope="col">{t("col.action")}</th>
              <th scope="col">{t("col.what")}</th>
              <th scope="col">{t("col.object")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <td>
                  <time dateTime={l.at}>{l.local}</time>
                </td>
                <td>{l.action}</td>
                <td>{l.sentence}</td>
                <td>
                  {l.objectId === null ? (
                    l.kind || "—"
                  ) : l.path ? (
                    <Link to={l.path}>
                      {l.kind} #{l.objectId}
                    </Link>
                  ) : (
                    `${l.kind} #${l.objectId}`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
