import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { canSeeTeamCompetency } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { leadsTeam, loadTeamHeatmap } from "~/competency/profile.server";
import { SCALE5 } from "~/components/charts/palette";
import { TableScroll } from "~/components/ui/TableScroll";
import { forbidden, notFound } from "~/lib/errors";
import { ensure, orErrorPage } from "~/lib/errors.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { idSchema } from "~/lib/validation";
import css from "~/styles/competency.css?url";

export const handle = { route: "/competency/teams/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, t }) => data && t("competency:title.team", { name: data.team.name }),
);
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  // Trainers and HR any team; a lead only a team they lead.
  ensure(await canSeeTeamCompetency(user, id.data, (teamId) => leadsTeam(user.id, teamId)), forbidden());
  return orErrorPage(() => loadTeamHeatmap(id.data));
}

/** Text colour that keeps contrast on each of the five fills. */
const INK = ["#fff", "#000", "#000", "#000", "#fff"] as const;

export default function TeamHeatmap() {
  const { t } = useTranslation("competency");
  const { t: tc } = useTranslation("common");
  const { team, indicators, members, needs } = useLoaderData<typeof loader>();
  const ind = (id: string) => t(messageKey("competency", `ind.${id}`));
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title.team", { name: team.name })}</h1>
          <p className="muted">{t("team.intro")}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="needs-heading">
        <h2 id="needs-heading">{t("team.needs")}</h2>
        {needs.length === 0 ? (
          <p className="muted">{t("team.noNeeds")}</p>
        ) : (
          <>
            <ol>
              {needs.map((n) => (
                <li key={n.id} data-need={n.id}>
                  {t("team.need", { indicator: ind(n.id), sum: n.sum.toFixed(2) })}
                </li>
              ))}
            </ol>
            {/* Answered by the needs survey (/needs/proposals), which comes back to this page. */}
            <Form method="post" action="/needs/proposals">
              <input type="hidden" name="teamId" value={team.id} />
              {needs.map((n) => (
                <input key={n.id} type="hidden" name="competency" value={n.id} />
              ))}
              <input type="hidden" name="redirectTo" value={`/competency/teams/${team.id}`} />
              <button type="submit" className="button secondary">
                {t("team.propose")}
              </button>
            </Form>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="heat-heading">
        <h2 id="heat-heading">{t("title.team", { name: team.name })}</h2>
        <p className="small muted">{t("legend")}</p>
        {members.length === 0 ? (
          <p className="muted">{t("team.noMembers")}</p>
        ) : (
          <TableScroll>
            <table className="table heatmap">
              <thead>
                <tr>
                  <th scope="col">{t("team.member")}</th>
                  {indicators.map((id) => (
                    <th key={id} scope="col" className="heatmap__head">
                      {ind(id)}
                    </th>
                  ))}
                  <th scope="col">{t("team.total")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/competency/people/${m.id}`}>{m.name}</Link>{" "}
                      <span className="badge">{tc(messageKey("common", `grade.${m.grade}`))}</span>
                    </th>
                    {m.cells.map((c) =>
                      c.level === null ? (
                        <td key={c.id} className="heatmap__cell heatmap__cell--none" title={t("noEvidence")}>
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{t("noEvidence")}</span>
                        </td>
                      ) : (
                        <td
                          key={c.id}
                          className="heatmap__cell"
                          data-level={c.level}
                          style={{ background: SCALE5[c.level - 1], color: INK[c.level - 1] }}
                          title={t("team.cell", { level: c.level, target: c.target })}
                        >
                          {c.level}
                          <span className="visually-hidden"> / {c.target}</span>
                        </td>
                      ),
                    )}
                    <td>{m.total.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
