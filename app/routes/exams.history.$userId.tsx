import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { canSeeExamsOf } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { HistoryChart } from "~/components/exams/HistoryChart";
import { Pagination } from "~/components/ui/Pagination";
import { dailyPoints } from "~/exams/history";
import { examName } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { attemptHistory, userName } from "~/exams/readiness.server";
import { forbidden, notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";
import { formatDateTime, formatNumber } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { idSchema } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/history/:userId" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, t }) => data && t("exams:history.title", { name: data.person.name }),
);
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.userId);
  ensure(id.success, notFound());
  // Trainees see their own history; trainers and HR see anyone's.
  ensure(canSeeExamsOf(user, id.data), forbidden());
  const person = await userName(id.data);
  ensure(person, notFound());
  const page = pageFrom(new URL(request.url));
  const h = await attemptHistory(person.id, page);
  const points = dailyPoints(h.points);
  return { person, rows: h.rows, pages: pageCount(h.total), page, points, banks: await bankTitles() };
}

export default function History() {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const { person, rows, pages, page, points, banks } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/exams">← {t("home.title")}</Link>
      </p>
      <h1>{t("history.title", { name: person.name })}</h1>
      {points.length ? <HistoryChart points={points} /> : <p className="empty">{t("history.noChart")}</p>}
      {rows.length === 0 ? (
        <p className="empty">{t("history.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("history.when")}</th>
              <th>{t("history.exam")}</th>
              <th>{t("history.score")}</th>
              <th>{t("history.verdict")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/exams/results/${r.id}`}>{formatDateTime(r.createdAt, locale)}</Link>
                </td>
                <td>{examName(t, r.exam, banks, locale)}</td>
                <td>{formatNumber(r.score, locale, { maximumFractionDigits: 2 })}</td>
                <td>
                  <span className={`badge ${!r.valid ? "badge--danger" : r.passed ? "badge--ok" : "badge--warn"}`}>
                    {!r.valid ? t("result.invalid") : r.passed ? t("result.passed") : t("result.failed")}
                  </span>
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
