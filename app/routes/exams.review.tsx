import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { examName } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { listTeams } from "~/exams/readiness.server";
import { flaggedResults } from "~/exams/review.server";
import { sittingExams } from "~/exams/sittings.server";
import { formatDateTime } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { idSchema, searchParamsObject } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/review" } satisfies RouteHandle;
export const meta = pageMeta("sittings:flagged.title");
export const links = () => [{ rel: "stylesheet", href: css }];

const filterSchema = z.object({
  exam: z.string().max(80).optional().catch(undefined),
  team: idSchema.optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const url = new URL(request.url);
  const f = filterSchema.parse(searchParamsObject(url));
  const page = pageFrom(url);
  const [list, exams, teams, banks] = await Promise.all([
    flaggedResults({ exam: f.exam || undefined, teamId: f.team }, page),
    sittingExams(),
    listTeams(),
    bankTitles(),
  ]);
  return { ...list, pages: pageCount(list.total), page, exams, teams, banks, filter: f };
}

export default function Review() {
  const { t } = useTranslation(["sittings", "exams"]);
  const locale = useLocale();
  const { rows, pages, page, exams, teams, banks, filter } = useLoaderData<typeof loader>();
  const exam = (key: string) => examName((k) => t(`exams:${k}`), key, banks, locale);
  return (
    <div className="stack">
      <p>
        <Link to="/exams">← {t("exams:home.title")}</Link>
      </p>
      <h1>{t("flagged.title")}</h1>
      <p className="muted">{t("flagged.intro")}</p>
      <Form method="get" className="row card">
        <div className="field">
          <label htmlFor="f-exam">{t("flagged.exam")}</label>
          <select id="f-exam" name="exam" defaultValue={filter.exam ?? ""}>
            <option value="">{t("flagged.all")}</option>
            {exams.map((e) => (
              <option key={e} value={e}>
                {exam(e)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-team">{t("flagged.team")}</label>
          <select id="f-team" name="team" defaultValue={filter.team ?? ""}>
            <option value="">{t("flagged.all")}</option>
            {teams.map((tm) => (
              <option key={tm.id} value={tm.id}>
                {tm.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("flagged.filter")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">{t("flagged.empty")}</p>
      ) : (
        <table className="table" data-testid="flagged">
          <thead>
            <tr>
              <th>{t("flagged.when")}</th>
              <th>{t("flagged.person")}</th>
              <th>{t("flagged.exam")}</th>
              <th>{t("flagged.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/exams/results/${r.id}`}>{formatDateTime(r.createdAt, locale)}</Link>
                </td>
                <td>
                  <Link to={`/exams/history/${r.user.id}`}>{r.user.name}</Link>{" "}
                  <span className="muted small">
                    {r.user.employeeNo}
                    {r.user.team ? ` · ${r.user.team.name}` : ""}
                  </span>
                </td>
                <td>{exam(r.exam)}</td>
                <td>
                  {[
                    ...(r.voidReason !== null ? [t("history.voided", { reason: r.voidReason })] : []),
                    ...r.reasons.map((x) => t(messageKey("exams", `invalid.${x}`), { defaultValue: x })),
                  ].join(t("exams:fig.checksSep"))}
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
