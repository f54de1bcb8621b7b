import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { lessonView, openCourse } from "~/catalogue/lesson.server";
import { slugParam } from "~/catalogue/schemas";
import { pick } from "~/components/catalogue/CourseCard";
import { LessonHtml } from "~/components/catalogue/LessonHtml";
import { notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";
import { pickLocalized } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import css from "~/styles/catalogue.css?url";

// The lesson as a handout for trainers: every section, then the quiz with answers.
export const handle = { route: "/courses/:slug/print" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, locale }) => data && pickLocalized(locale, data.lesson.title),
  ({ data, locale }) => data && pickLocalized(locale, data.lesson.summary),
);
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const slug = slugParam.safeParse(params.slug);
  const course = slug.success ? await openCourse(user, slug.data) : null;
  ensure(course, notFound());
  return { lesson: lessonView(course, true) };
}

export default function Handout() {
  const { t } = useTranslation("catalogue");
  const locale = useLocale();
  const { lesson } = useLoaderData<typeof loader>();
  return (
    <article className="handout">
      <p className="no-print row">
        <Link to={`/courses/${lesson.slug}`}>← {pick(locale, lesson.title.zh, lesson.title.en)}</Link>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t("print.button")}
        </button>
      </p>
      <h1>{pick(locale, lesson.title.zh, lesson.title.en)}</h1>
      <p className="muted">
        {lesson.title.en} · {t("minutes", { count: lesson.durationMinutes })} ·{" "}
        {t("lesson.versionNote", { version: lesson.version })}
        {lesson.trainers.length ? ` · ${t("print.trainers", { list: lesson.trainers.join(", ") })}` : ""}
      </p>
      <p>{pick(locale, lesson.summary.zh, lesson.summary.en)}</p>
      <h2>{t("lesson.objectives")}</h2>
      <ul>
        {lesson.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      {lesson.introHtml ? <LessonHtml html={lesson.introHtml} /> : null}
      {lesson.sections.map((s) => (
        <section key={s.id}>
          <h2 id={s.id}>{s.title}</h2>
          <LessonHtml html={s.html} />
        </section>
      ))}
      <section>
        <h2>{t("print.answers")}</h2>
        <ol>
          {lesson.quiz.questions.map((q) => (
            <li key={q.id}>
              <p>
                <strong>{q.prompt}</strong>
              </p>
              <ul>
                {q.choices.map((c) => (
                  <li key={c.key}>
                    {c.key}. {c.text} {q.answer?.includes(c.key) ? "✔" : ""}
                  </li>
                ))}
              </ul>
              <p className="small">
                {t("quiz.explanation")}
                {q.explanation}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
