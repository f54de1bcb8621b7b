import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Recommendation } from "~/competency/profile";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";

/** Courses for the largest weighted gaps, each with the one-line reason. */
export function Recommendations({
  items,
  headingId,
  withProfileLink,
}: {
  items: Recommendation[];
  headingId: string;
  withProfileLink?: boolean;
}) {
  const { t } = useTranslation("competency");
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("rec.title")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("rec.empty")}</p>
      ) : (
        <ul className="recommendations">
          {items.map((r) => (
            <li key={r.course.slug}>
              <Link to={`/courses/${r.course.slug}`}>{localTitle(locale, r.course)}</Link>
              <br />
              <span className="small muted">
                {t("rec.reason", {
                  indicator: t(messageKey("competency", `ind.${r.indicator}`)),
                  level: r.level,
                  target: r.target,
                  weight: r.weight.toFixed(2),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {withProfileLink ? (
        <p>
          <Link to="/competency">{t("rec.all")}</Link>
        </p>
      ) : null}
    </section>
  );
}
