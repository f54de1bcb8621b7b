import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/lib/i18n/locale";
import { pick } from "./CourseCard";

interface ClassroomCourse {
  slug: string;
  titleZh: string;
  titleEn: string;
  summary: string;
  durationMinutes: number;
}

/**
 * Courses the request form offers that have no lesson this reader may open: named here so the
 * catalogue does not hide them, with the way to get them (a training request), and no lesson link.
 */
export function ClassroomOnly({ courses, locale }: { courses: ClassroomCourse[]; locale: Locale }) {
  const { t } = useTranslation("catalogue");
  if (courses.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="classroom-h" data-testid="classroom-only">
      <h2 id="classroom-h">{t("classroom.heading")}</h2>
      <div className="grid course-grid">
        {courses.map((c) => (
          <article key={c.slug} className="card course-card">
            <div className="row course-card__meta">
              <span className="badge badge--warn">{t("classroom.badge")}</span>
              <span className="muted small">{t("minutes", { count: c.durationMinutes })}</span>
            </div>
            <h3 className="course-card__title">{pick(locale, c.titleZh, c.titleEn)}</h3>
            {c.summary ? <p className="course-card__summary">{c.summary}</p> : null}
            <p className="small">
              {t("classroom.text")}{" "}
              <Link to={`/requests/new?course=${encodeURIComponent(c.slug)}`}>{t("classroom.request")}</Link>
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
