import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { canSeeCompetencyOf } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { leadsTeam, loadProfile, personForProfile } from "~/competency/profile.server";
import { ProfileView } from "~/components/competency/ProfileView";
import { bankTitles } from "~/exams/overview.server";
import { forbidden, notFound } from "~/lib/errors";
import { ensure, orErrorPage } from "~/lib/errors.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { idSchema } from "~/lib/validation";
import css from "~/styles/competency.css?url";
import chartCss from "~/styles/surveys.css?url";

export const handle = { route: "/competency/people/:id" } satisfies RouteHandle;
// The radar's own styles, and the chart card's (title, table toggle) shared with the dashboard.
export const links = () => [
  { rel: "stylesheet", href: chartCss },
  { rel: "stylesheet", href: css },
];
export const meta = pageMeta<typeof loader>(
  ({ data, t }) => data && t("competency:title.person", { name: data.person.name }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  const person = await personForProfile(id.data);
  ensure(person, notFound());
  // Own profile; trainers and HR anyone's; a lead the members of a team they lead.
  ensure(await canSeeCompetencyOf(user, person, (teamId) => leadsTeam(user.id, teamId)), forbidden());
  const page = await orErrorPage(() => loadProfile(person.id));
  return { ...page, banks: await bankTitles() };
}

export default function PersonProfile() {
  const { t } = useTranslation("competency");
  const { t: tc } = useTranslation("common");
  const d = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title.person", { name: d.person.name })}</h1>
          <p className="muted">{t("profile.grade", { grade: tc(messageKey("common", `grade.${d.person.grade}`)) })}</p>
        </div>
      </div>
      <ProfileView
        profile={d.profile}
        recommendations={d.recommendations}
        banks={d.banks}
        groupTitles={Object.fromEntries(d.groups.map((g) => [g.id, g.title]))}
      />
    </div>
  );
}
