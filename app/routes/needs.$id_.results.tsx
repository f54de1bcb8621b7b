import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { runsCourseProjects, runsNeedsSurvey } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { PointsChart } from "~/components/charts/PointsChart";
import { ErrorAlert } from "~/components/exams/NoScript";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { invalid } from "~/lib/errors";
import { ensure, formAction, orErrorPage } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime, formatPercent } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { idSchema } from "~/lib/validation";
import { topicLabel } from "~/needs/labels";
import { newProjectPath } from "~/needs/need-ref";
import { roundResults } from "~/needs/results.server";
import { closeRound } from "~/needs/rounds.server";

export const handle = { route: "/needs/:id/results" } satisfies RouteHandle;
export const meta = pageMeta("needs:list.title");

function roundId(params: { id?: string }) {
  const id = idSchema.safeParse(params.id);
  ensure(id.success, invalid());
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = roundId(params);
  const results = await orErrorPage(() => roundResults(id));
  return { ...results, runs: runsNeedsSurvey(user), startsProjects: runsCourseProjects(user) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = roundId(params);
  return formAction(async () => {
    await closeRound(user, id);
    return redirectWithToast(`/needs/${id}/results`, { key: "needs:results.closed" });
  });
}

export default function RoundResultsPage() {
  const { t } = useTranslation(["needs", "common"]);
  const locale = useLocale();
  const { round, ranking, invited, answered, rate, perAudience, perTeam, runs, startsProjects } =
    useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const topics = new Map(round.topics.map((x) => [x.id, x]));
  const name = (id: number) => {
    const x = topics.get(id);
    return x ? topicLabel(locale, x) : "—";
  };
  const at = formatDateTime(round.endsAt, locale);
  const star = `★ ${t("results.top")}`;
  return (
    <div className="stack">
      <p>
        <Link to="/needs">← {t("list.title")}</Link>
      </p>
      <h1>{t("results.title", { year: round.year, id: round.id })}</h1>
      <p>
        {t(messageKey("needs", `audience.${round.audience}`))} ·{" "}
        {t("results.rate", { answered, invited, rate: rate === null ? "—" : formatPercent(rate, locale) })}
      </p>
      <p className={`alert ${round.open ? "alert--info" : "alert--ok"}`} role="status">
        {round.open ? t("results.open", { at }) : t("results.final", { at })}
      </p>
      <p className="muted">{t("results.rule")}</p>
      <p>
        <a href={`/needs/${round.id}/results.csv`} download>
          {t("results.csv")}
        </a>
      </p>
      {runs && round.open ? (
        <Form method="post" className="card stack">
          <ErrorAlert error={a?.error} params={a?.params} />
          <p className="muted">{t("results.closeHint")}</p>
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("results.close")}</SubmitButton>
        </Form>
      ) : null}
      {answered === 0 ? <p className="empty">{t("results.noAnswers")}</p> : null}
      <table className="table" aria-label={t("results.ranking")}>
        <thead>
          <tr>
            <th scope="col">{t("col.place")}</th>
            <th scope="col">{t("col.topic")}</th>
            <th scope="col">{t("col.points")}</th>
            <th scope="col">{t("col.first")}</th>
            <th scope="col">{t("col.second")}</th>
            <th scope="col">{t("col.third")}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((s) => (
            <tr key={s.topicId} className={s.top ? "needs-top" : undefined} data-top={s.top ? "true" : undefined}>
              <td>{s.place}</td>
              <th scope="row">
                {name(s.topicId)} {s.top ? <span className="badge badge--brand">{star}</span> : null}
                {s.top && startsProjects ? (
                  <>
                    {" "}
                    <Link to={newProjectPath(round.id, s.topicId, name(s.topicId))} className="small">
                      {t("results.startProject")}
                    </Link>
                  </>
                ) : null}
              </th>
              <td>{s.points}</td>
              <td>{s.byRank[0]}</td>
              <td>{s.byRank[1]}</td>
              <td>{s.byRank[2]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PointsChart
        title={t("results.ranking")}
        nameLabel={t("col.topic")}
        valueLabel={t("col.points")}
        noteLabel={t("results.top")}
        rows={ranking.map((s) => ({ name: name(s.topicId), value: s.points, note: s.top ? "★" : undefined }))}
      />
      {perAudience.map((g) => (
        <PointsChart
          key={g.audience}
          title={t("results.byAudience", {
            audience: t(messageKey("needs", `audience.${g.audience}`)),
            answered: g.answered,
            invited: g.invited,
          })}
          nameLabel={t("col.topic")}
          valueLabel={t("col.points")}
          rows={g.scores.map((s) => ({ name: name(s.topicId), value: s.points }))}
        />
      ))}
      <PointsChart
        title={t("results.byTeam")}
        nameLabel={t("col.team")}
        valueLabel={t("col.answered")}
        noteLabel={t("col.invited")}
        rows={perTeam.map((g) => ({
          name: g.name ?? t("audience.none"),
          value: g.answered,
          note: `/ ${g.invited}`,
        }))}
      />
      <div className="table-scroll">
        <table className="table">
          <caption>{t("results.teamTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("col.team")}</th>
              <th scope="col">{t("col.rate")}</th>
              {ranking.map((s) => (
                <th scope="col" key={s.topicId}>
                  {name(s.topicId)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {perTeam.map((g) => (
              <tr key={g.teamId}>
                <th scope="row">{g.name ?? t("audience.none")}</th>
                <td>
                  {g.answered} / {g.invited}
                  {g.rate === null ? "" : ` (${formatPercent(g.rate, locale)})`}
                </td>
                {ranking.map((s) => (
                  <td key={s.topicId}>{g.scores.find((x) => x.topicId === s.topicId)?.points ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
