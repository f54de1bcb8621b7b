import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MyLearning } from "~/catalogue/home.server";
import { formatDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { pick } from "./CourseCard";

export function HomeLearning({ learning }: { learning: MyLearning }) {
  const { t } = useTranslation("catalogue");
  const locale = useLocale();
  return (
    <div className="grid">
      <section className="card" aria-labelledby="continue-h">
        <h2 id="continue-h">{t("home.continue")}</h2>
        {learning.continue.length === 0 ? (
          <p className="muted">{t("home.continueEmpty")}</p>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {learning.continue.map((c) => (
              <li key={c.id} className="stack" style={{ gap: "0.3rem" }}>
                <Link to={`/courses/${c.slug}`}>{pick(locale, c.titleZh, c.titleEn)}</Link>
                <span
                  className="progress"
                  role="progressbar"
                  aria-label={t("my.progress", { percent: c.percent })}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={c.percent}
                >
                  <span style={{ width: `${c.percent}%` }} />
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/courses">{t("home.browse")}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="completed-h">
        <h2 id="completed-h">{t("home.completed")}</h2>
        {learning.completed.length === 0 ? (
          <p className="muted">{t("home.completedEmpty")}</p>
        ) : (
          <ul>
            {learning.completed.map((c) => (
              <li key={c.id}>
                <Link to={`/courses/${c.slug}`}>{pick(locale, c.titleZh, c.titleEn)}</Link>{" "}
                <span className="badge badge--ok">{t("my.done")}</span>{" "}
                <span className="muted small">{c.completedAt ? formatDate(c.completedAt, locale) : ""}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
