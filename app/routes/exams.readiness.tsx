import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ExamStateBadge } from "~/components/exams/ReadinessPanel";
import { TableScroll } from "~/components/ui/TableScroll";
import { examName } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { readinessScope } from "~/exams/readiness-scope.server";
import { teamCohort } from "~/exams/readiness.server";
import { orErrorPage } from "~/lib/errors.server";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { parseQuery } from "~/lib/query.server";
import { idSchema, optionalField } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/readiness" } satisfies RouteHandle;
export const meta = pageMeta("exams:cohort.title");
export const links = () => [{ rel: "stylesheet", href: css }];

const readinessQuery = z.object({ team: optionalField(idSchema) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const requested = parseQuery(request, readinessQuery).team ?? null;
  const { teams, teamId, staff } = await orErrorPage(() => readinessScope(user, requested));
  const [cohort, banks] = await Promise.all([teamCohort(teamId), bankTitles()]);
  return { teams, teamId, staff, cohort, banks };
}

export default function Cohort() {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const { teams, teamId, staff, cohort, banks } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("cohort.title")}</h1>
          <p className="muted">
            {cohort.plan
              ? t("cohort.summary", {
                  ready: cohort.ready,
                  total: cohort.people.length,
                  days: cohort.plan.validityDays,
                })
              : t("home.noPlan")}
          </p>
        </div>
        <a className="button secondary" href={`/exams/readiness.csv${teamId ? `?team=${teamId}` : ""}`} download>
          {t("cohort.csv")}
        </a>
      </div>
      <Form method="get" className="row">
        <div className="field">
          <label htmlFor="team">{t("cohort.team")}</label>
          <select id="team" name="team" defaultValue={teamId ?? ""}>
            {staff ? <option value="">{t("cohort.allTeams")}</option> : null}
            {teams.map((tm) => (
              <option key={tm.id} value={tm.id}>
                {tm.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("cohort.show")}
        </button>
      </Form>
      {cohort.people.length === 0 ? (
        <p className="empty">{t("cohort.empty")}</p>
      ) : (
        <div className="exams-scroll">
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("cohort.person")}</th>
                  <th scope="col">{t("cohort.status")}</th>
                  {cohort.keys.map((k) => (
                    <th key={k} scope="col">
                      {examName(t, k, banks, locale)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cohort.people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {staff ? <Link to={`/exams/history/${p.id}`}>{p.name}</Link> : p.name}
                      <div className="small muted">
                        {p.employeeNo}
                        {p.team ? ` · ${p.team.name}` : ""}
                      </div>
                    </th>
                    <td>
                      {p.readiness.ready ? (
                        <span className="badge badge--ok">{t("cohort.ready")}</span>
                      ) : (
                        <span className="badge badge--danger">{t("cohort.notReady")}</span>
                      )}
                    </td>
                    {p.readiness.exams.map((e) => (
                      <td key={e.exam}>
                        <ExamStateBadge s={e} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </div>
  );
}
