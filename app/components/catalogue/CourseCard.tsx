import { Link } from "@remix-run/react";
import type { Locale } from "~/lib/i18n/locale";
import { pickLocalized } from "~/lib/i18n/localized";

export type CardCourse = {
  slug: string;
  titleZh: string;
  titleEn: string;
  /** Already in the visitor's language. */
  summary: string;
  area: string;
  durationMinutes: number;
  grade: string;
  status: string;
  position: number;
  series: { slug: string; titleZh: string; titleEn: string } | null;
  my: { state: "new" } | { state: "progress"; percent: number } | { state: "done"; completedAt: string };
  /** On a search result: where it matched, matched words marked. */
  snippet?: { text: string; mark: boolean }[] | null;
};

/** A translate function passed down: one useTranslation per page instead of one per card. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function pick(locale: Locale, zh: string, en: string) {
  return pickLocalized(locale, { zh, en });
}

export function MyStatus({ my, t }: { my: CardCourse["my"]; t: Translate }) {
  if (my.state === "done") return <span className="badge badge--ok">{t("my.done")}</span>;
  if (my.state === "progress")
    return (
      <span className="course-card__progress">
        <span className="badge badge--brand">{t("my.progress", { percent: my.percent })}</span>
        <span
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={my.percent}
          aria-label={t("my.progress", { percent: my.percent })}
        >
          <span style={{ width: `${my.percent}%` }} />
        </span>
      </span>
    );
  return <span className="badge">{t("my.new")}</span>;
}

export function CourseCard({
  course,
  locale,
  t,
  headingLevel = 2,
}: {
  course: CardCourse;
  locale: Locale;
  t: Translate;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card course-card">
      <div className="row course-card__meta">
        <span className="badge badge--brand">{t(`area.${course.area}`)}</span>
        <span className="muted small">{t("minutes", { count: course.durationMinutes })}</span>
        <span className="muted small">{t(`common:grade.${course.grade}`)}</span>
        {course.status !== "accepted" ? (
          <span className="badge badge--warn">{t(`status.${course.status}`)}</span>
        ) : null}
      </div>
      <H className="course-card__title">
        <Link to={`/courses/${course.slug}`}>{pick(locale, course.titleZh, course.titleEn)}</Link>
      </H>
      {locale === "zh" && course.titleEn ? <p className="muted small course-card__alt">{course.titleEn}</p> : null}
      <p className="course-card__summary">{course.summary}</p>
      {course.snippet ? (
        <p className="small muted course-card__snippet" data-testid="snippet">
          {course.snippet.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
        </p>
      ) : null}
      <div className="row course-card__foot">
        <MyStatus my={course.my} t={t} />
        {course.series ? (
          <Link className="small" to={`/series/${course.series.slug}`}>
            {pick(locale, course.series.titleZh, course.series.titleEn)} · {course.position}
          </Link>
        ) : null}
      </div>
    </article>
  );
}
