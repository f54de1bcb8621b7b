import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ReadinessPanel } from "~/components/exams/ReadinessPanel";
import { examName, examPath } from "~/exams/labels";
import { examsOverview } from "~/exams/overview.server";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams" } satisfies RouteHandle;
export const meta = pageMeta("exams:home.title");
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  return examsOverview(user);
}

export default function ExamsHome() {
  const { t } = useTranslation(["exams", "sittings"]);
  const locale = useLocale();
  const o = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("home.title")}</h1>
          <p className="muted">
            {o.plan ? t("home.plan", { title: o.plan.title[locale], days: o.plan.validityDays }) : t("home.noPlan")}
          </p>
        </div>
      </div>
      {o.readiness ? <ReadinessPanel readiness={o.readiness} banks={o.bankTitles} /> : null}
      <section aria-labelledby="exams-h">
        <h2 id="exams-h">{t("home.exams")}</h2>
        {o.plan ? (
          <div className="grid">
            {o.plan.exams.map(({ key, exam }) => (
              <article key={key} className="card">
                <h3>{examName(t, key, o.bankTitles, locale)}</h3>
                <p className="muted small">
                  {t(`mark.${exam.kind}`, {
                    ...exam,
                    minAccuracy: Math.round(("minAccuracy" in exam ? exam.minAccuracy : 0) * 100),
                    minComplete: Math.round(("minComplete" in exam ? exam.minComplete : 0) * 100),
                    minCorrect: Math.round(("minCorrect" in exam ? exam.minCorrect : 0) * 100),
                    minutes: "durationSeconds" in exam ? exam.durationSeconds / 60 : 0,
                  })}
                </p>
                {exam.kind === "drill" ? (
                  <p className="small">{t("home.drillHint")}</p>
                ) : (
                  <Link className="button primary" to={examPath(key)}>
                    {t("home.take")}
                  </Link>
                )}
              </article>
            ))}
          </div>
        ) : (
          <p className="empty">{t("home.noPlan")}</p>
        )}
      </section>
      <section aria-labelledby="practice-h">
        <h2 id="practice-h">{t("home.more")}</h2>
        <ul>
          <li>
            <Link to="/exams/typing?lang=en">{t("exam.typing-en")}</Link>
          </li>
          {o.banks.map((b) => (
            <li key={b.id}>
              <Link to={`/exams/quiz/${b.id}`}>{b.title[locale]}</Link>{" "}
              <span className="muted small">
                {t("quiz.meta", { count: b.draw, minutes: b.timeLimitMinutes, pass: b.passMark })}
              </span>
              {o.staff ? (
                <>
                  {" "}
                  · <Link to={`/exams/quiz/${b.id}/analysis`}>{t("analysis.link")}</Link>
                </>
              ) : null}
            </li>
          ))}
          <li>
            <Link to={`/exams/history/${o.userId}`}>{t("history.mine")}</Link>
          </li>
          <li>
            <Link to="/exams/join">{t("sittings:home.join")}</Link>
          </li>
        </ul>
      </section>
      {o.staff ? (
        <section aria-labelledby="staff-h" className="card">
          <h2 id="staff-h">{t("home.staff")}</h2>
          <div className="row">
            <Link className="button secondary" to="/exams/readiness">
              {t("cohort.title")}
            </Link>
            <Link className="button secondary" to="/exams/sittings">
              {t("sittings:home.sittings")}
            </Link>
            <Link className="button secondary" to="/exams/review">
              {t("sittings:home.flagged")}
            </Link>
            {o.trainer ? (
              <Link className="button secondary" to="/exams/drills">
                {t("drill.title")}
              </Link>
            ) : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}
