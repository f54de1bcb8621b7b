import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, redirect, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { primaryRole } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { MyAssignments } from "~/components/assignments/MyAssignments";
import { HomeLearning } from "~/components/catalogue/HomeLearning";
import { Recommendations } from "~/components/competency/Recommendations";
import { ReadinessPanel } from "~/components/exams/ReadinessPanel";
import { MyWeek } from "~/components/people/MyWeek";
import { PendingSurveys } from "~/components/surveys/PendingSurveys";
import { WorkflowHomePanel } from "~/components/workflow/HomePanel";
import { loadHome } from "~/home/home.server";
import { joinList } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";

export const handle = { route: "/" } satisfies RouteHandle;
export const meta = pageMeta("common:nav.home");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  if (primaryRole(user.roles) === "ADMIN") throw redirect("/admin");
  return { id: user.id, name: user.name, roles: user.roles, ...(await loadHome(user)) };
}

const HEADING = {
  TRAINEE: "home.trainee",
  LEAD: "home.lead",
  TRAINER: "home.trainer",
  HR: "home.hr",
  ADMIN: "home.hr",
} as const;

export default function Home() {
  const { t } = useTranslation();
  const locale = useLocale();
  const home = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t(HEADING[home.role])}</h1>
          <p className="muted">
            {t("home.welcome", { name: home.name })} ·{" "}
            {t("home.roles", {
              roles: joinList(
                home.roles.map((r) => t(messageKey("common", `role.${r}`))),
                locale,
              ),
            })}
          </p>
        </div>
      </div>
      <PendingSurveys surveys={home.surveys} />
      <MyAssignments items={home.assigned} />
      {home.week ? (
        <MyWeek
          userId={home.id}
          classes={home.week.classes}
          completed={home.week.completed}
          ready={home.exams?.readiness.ready ?? false}
        />
      ) : null}
      <WorkflowHomePanel panel={home.workflow} />
      {home.learning ? <HomeLearning learning={home.learning} /> : null}
      {home.competency ? <Recommendations items={home.competency} headingId="home-rec" withProfileLink /> : null}
      {home.exams ? <ReadinessPanel readiness={home.exams.readiness} banks={home.exams.banks} /> : null}
      {home.team ? (
        <section className="card" aria-labelledby="team-heading">
          <h2 id="team-heading">{home.team.name}</h2>
          <ul>
            {home.team.members.map((m) => (
              <li key={m.id}>
                {m.name} <span className="badge">{t(messageKey("common", `grade.${m.grade}`))}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav className="row" aria-label={t("nav.label")}>
        <Link to="/courses" className="button secondary">
          {t("nav.courses")}
        </Link>
      </nav>
    </div>
  );
}
