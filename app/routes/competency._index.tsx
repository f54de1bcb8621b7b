import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { canSeeTeamCompetency } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { leadsTeam, loadProfile } from "~/competency/profile.server";
import { ProfileView } from "~/components/competency/ProfileView";
import { bankTitles } from "~/exams/overview.server";
import { orErrorPage } from "~/lib/errors.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import css from "~/styles/competency.css?url";
import chartCss from "~/styles/surveys.css?url";

export const handle = { route: "/competency" } satisfies RouteHandle;
// The radar's own styles, and the chart card's (title, table toggle) shared with the dashboard.
export const links = () => [
  { rel: "stylesheet", href: chartCss },
  { rel: "stylesheet", href: css },
];
export const meta = pageMeta("competency:title.own");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const page = await orErrorPage(() => loadProfile(user.id));
  const teamId = page.person.teamId;
  // A lead sees a link to the heatmap of the team they lead (their own team as a member).
  const showTeam = teamId !== null && (await canSeeTeamCompetency(user, teamId, (id) => leadsTeam(user.id, id)));
  return { ...page, banks: await bankTitles(), teamLink: showTeam ? teamId : null };
}

export default function OwnProfile() {
  const { t } = useTranslation("competency");
  const { t: tc } = useTranslation("common");
  const d = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title.own")}</h1>
          <p className="muted">{t("profile.grade", { grade: tc(messageKey("common", `grade.${d.person.grade}`)) })}</p>
        </div>
      </div>
      <ProfileView
        profile={d.profile}
        recommendations={d.recommendations}
        banks={d.banks}
        selfLink
        teamId={d.teamLink}
        groupTitles={Object.fromEntries(d.groups.map((g) => [g.id, g.title]))}
      />
    </div>
  );
}
