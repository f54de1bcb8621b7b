import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import { canRequestTraining, isCourseStaff } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { answersFromForm } from "~/catalogue/grading";
import { lessonView, openCourse } from "~/catalogue/lesson.server";
import { QUIZ_MAX_ATTEMPTS } from "~/catalogue/progress-rules";
import { heartbeat, newQuizToken, progressFor, reachSection, submitQuiz } from "~/catalogue/progress.server";
import { slugParam } from "~/catalogue/schemas";
import { pick } from "~/components/catalogue/CourseCard";
import { Quiz, type QuizResult } from "~/components/catalogue/Quiz";
import { useHeartbeat, useSectionsSeen } from "~/components/catalogue/use-lesson-progress";
import { HtmlOnce } from "~/components/ui/HtmlOnce";
import { notFound, rateLimited } from "~/lib/errors";
import { ensure, formError } from "~/lib/errors.server";
import { htmlOnce } from "~/lib/html-once.server";
import { formatDate, formatDateTime } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pickLocalized } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { idSchema } from "~/lib/validation";
import css from "~/styles/catalogue.css?url";

export const handle = { route: "/courses/:slug" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, locale }) => data && pickLocalized(locale, data.lesson.title),
  ({ data, locale }) => data && pickLocalized(locale, data.lesson.summary),
);
export const links = () => [{ rel: "stylesheet", href: css }];

async function open(request: Request, slug: string | undefined) {
  const user = await requireRouteAccess(request, handle);
  const parsed = slugParam.safeParse(slug);
  const course = parsed.success ? await openCourse(user, parsed.data) : null;
  ensure(course, notFound());
  return { user, course };
}

/** The id that finds one part of a version's HTML again, on the server and in the page. */
const lessonPart = (versionId: number, part: string) => `lesson-${versionId}-${part}`;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, course } = await open(request, params.slug);
  if (new URL(request.url).searchParams.get("print") === "1") throw redirect(`/courses/${course.course.slug}/print`);
  // What the page shows: not the handout's trainers, nor ids and positions it never prints.
  const { id: _id, position: _position, trainers: _trainers, ...lesson } = lessonView(course);
  // A page carries the lesson's HTML in its markup only; a client navigation gets it in the data.
  const progress = await progressFor(user.id, course.ref.versionId);
  return {
    lesson: {
      ...lesson,
      introHtml: htmlOnce(context, lessonPart(lesson.versionId, "intro"), lesson.introHtml ?? ""),
      sections: lesson.sections.map((s) => ({
        ...s,
        html: htmlOnce(context, lessonPart(lesson.versionId, s.id), s.html),
      })),
    },
    progress: progress && {
      reached: progress.reached,
      secondsSpent: progress.secondsSpent,
      quizBestScore: progress.quizBestScore,
      attempts: progress.attempts,
      quiz: progress.quiz,
      completedAt: progress.completedAt,
    },
    token: newQuizToken(),
    staff: isCourseStaff(user),
    // Team leads ask for a class for their team; a trainee may ask for themself.
    canRequest: canRequestTraining(user),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("seen"), section: z.array(z.string().max(10)).min(1).max(50) }),
  z.object({ intent: z.literal("read"), section: z.string().max(10) }),
  z.object({ intent: z.literal("heartbeat") }),
  z.object({ intent: z.literal("quiz"), token: z.string().min(8).max(64), versionId: idSchema }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, course } = await open(request, params.slug);
  const form = await readForm(request);
  const parsed = actionSchema.safeParse({
    ...Object.fromEntries(form),
    section:
      form.getAll("section").length > 1 || form.get("intent") === "seen" ? form.getAll("section") : form.get("section"),
  });
  if (!parsed.success) return data({ error: "common:form.invalid" }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "heartbeat":
      return await heartbeat(user.id, course.ref);
    case "seen": {
      // Each id counts only after its reading time (progress-rules); `nextAt` tells the player
      // when to report the rest again.
      let state = null;
      let nextAt: string | null = null;
      for (const id of input.section) {
        const s = await reachSection(user.id, course.ref, id);
        if (s?.nextAt && (!nextAt || s.nextAt < nextAt)) nextAt = s.nextAt;
        state = s ?? state;
      }
      return state
        ? { reached: state.reached, completedAt: state.completedAt, nextAt }
        : data({ error: "catalogue:err.section" }, { status: 400 });
    }
    case "read": {
      // The button under each section, for readers without JavaScript: on to the next one.
      const state = await reachSection(user.id, course.ref, input.section);
      if (!state) return data({ error: "catalogue:err.section" }, { status: 400 });
      if (state.nextAt) return formError(rateLimited("catalogue:err.readTooSoon", { params: { at: state.nextAt } }));
      const i = course.ref.sections.findIndex((s) => s.id === input.section);
      const next = course.ref.sections[i + 1]?.id ?? "quiz";
      throw redirect(`/courses/${course.course.slug}#${next}`);
    }
    case "quiz": {
      if (input.versionId !== course.ref.versionId) return data({ error: "catalogue:err.quiz.stale" }, { status: 409 });
      const outcome = await submitQuiz(user.id, course.ref, course.fm.quiz, input.token, answersFromForm(form));
      if (!outcome.ok && outcome.error === "cooldown")
        return formError(
          rateLimited("catalogue:err.quiz.cooldown", { params: { at: outcome.retryAt, max: QUIZ_MAX_ATTEMPTS } }),
        );
      if (!outcome.ok)
        return data(
          { error: `catalogue:err.quiz.${outcome.error}` },
          { status: outcome.error === "duplicate" ? 409 : 400 },
        );
      return {
        quiz: outcome.grade,
        completedAt: outcome.completedAt,
        remaining: outcome.remaining,
        retryAt: outcome.retryAt,
      };
    }
  }
}

// Heartbeats and scroll reports change nothing else on the page: no need to reload the lesson.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  return intent === "heartbeat" || intent === "seen" ? false : defaultShouldRevalidate;
};

export default function Lesson() {
  const { t } = useTranslation(["catalogue", "common", "library"]);
  const locale = useLocale();
  const { lesson, progress, token, staff, canRequest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | {
        error?: string;
        params?: Record<string, string | number>;
        quiz?: QuizResult;
        completedAt?: string | null;
        remaining?: number;
        retryAt?: string | null;
      }
    | undefined;
  const seconds = useHeartbeat() ?? progress?.secondsSpent ?? 0;
  const seen = useSectionsSeen(progress?.reached ?? []);
  const reached = new Set(seen.reached);
  const total = lesson.sections.length;
  const percent = total ? Math.floor((reached.size / total) * 100) : 0;
  const completedAt = actionData?.completedAt ?? seen.completedAt ?? progress?.completedAt ?? null;
  const resumeIndex = progress && !progress.completedAt ? lesson.sections.findIndex((s) => !reached.has(s.id)) : -1;
  const resume = resumeIndex > 0 ? lesson.sections[resumeIndex] : null;
  const minutes = Math.floor(seconds / 60);

  useEffect(() => {
    // Resume: open at the first unread section when the visitor came back without a target.
    if (resume && !window.location.hash) document.getElementById(resume.id)?.scrollIntoView();
    // Only on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="stack">
      <p className="no-print">
        <Link to="/courses">← {t("lesson.back")}</Link>
        {lesson.series ? (
          <>
            {" · "}
            <Link to={`/series/${lesson.series.slug}`}>
              {t("lesson.series", { title: pick(locale, lesson.series.titleZh, lesson.series.titleEn) })}
            </Link>
          </>
        ) : null}
      </p>
      <div className="page-head">
        <div>
          <h1>{pick(locale, lesson.title.zh, lesson.title.en)}</h1>
          <p className="muted">
            {locale === "zh" ? `${lesson.title.en} · ` : ""}
            {t(messageKey("catalogue", `area.${lesson.area}`))} · {t("minutes", { count: lesson.durationMinutes })} ·{" "}
            {t(messageKey("common", `common:grade.${lesson.grade}`))} ·{" "}
            {t("lesson.versionNote", { version: lesson.version })}
          </p>
        </div>
        <div className="row">
          {lesson.status !== "accepted" ? (
            <span className="badge badge--warn">
              {t("lesson.staffBadge", { status: t(messageKey("catalogue", `status.${lesson.status}`)) })}
            </span>
          ) : null}
          {staff ? (
            <Link className="button secondary" to={`/courses/${lesson.slug}/print`}>
              {t("lesson.print")}
            </Link>
          ) : null}
          {canRequest && lesson.status === "accepted" ? (
            <Link className="button secondary" to={`/requests/new?course=${encodeURIComponent(lesson.slug)}`}>
              {t("lesson.request")}
            </Link>
          ) : null}
        </div>
      </div>
      {lesson.newerVersion ? (
        <p className="alert alert--info" role="status">
          {t("library:newerVersion", { version: lesson.newerVersion, current: lesson.version })}
        </p>
      ) : null}
      {completedAt ? (
        <p className="alert alert--ok" role="status">
          {t("lesson.completed", { date: formatDate(completedAt, locale) })}
        </p>
      ) : resume ? (
        <p className="alert alert--info">
          <a href={`#${resume.id}`}>{t("lesson.resume", { title: resume.title })}</a>
        </p>
      ) : null}
      <div className="lesson">
        <article className="lesson__body">
          <p className="lead">{pick(locale, lesson.summary.zh, lesson.summary.en)}</p>
          <section aria-labelledby="objectives-h" className="card">
            <h2 id="objectives-h">{t("lesson.objectives")}</h2>
            <ul>
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
          {lesson.introHtml !== "" ? (
            <HtmlOnce id={lessonPart(lesson.versionId, "intro")} html={lesson.introHtml} className="lesson__md" />
          ) : null}
          {lesson.sections.map((s, i) => (
            <section key={s.id} aria-labelledby={s.id}>
              <h2 id={s.id} tabIndex={-1}>
                {s.title}
              </h2>
              <HtmlOnce id={lessonPart(lesson.versionId, s.id)} html={s.html} className="lesson__md" />
              <div className="lesson__sentinel" data-section-end={s.id} />
              {reached.has(s.id) ? null : (
                <Form method="post" className="no-print">
                  <input type="hidden" name="section" value={s.id} />
                  <button type="submit" name="intent" value="read" className="secondary">
                    {t("lesson.markRead")} {i + 1 < total ? "↓" : ""}
                  </button>
                </Form>
              )}
            </section>
          ))}
          <Quiz
            quiz={lesson.quiz}
            token={token}
            versionId={lesson.versionId}
            result={actionData?.quiz}
            error={actionData?.error}
            errorParams={
              actionData?.params?.at
                ? { ...actionData.params, at: formatDateTime(String(actionData.params.at), locale) }
                : actionData?.params
            }
            retryAt={
              (actionData?.retryAt ?? progress?.quiz?.retryAt)
                ? formatDateTime(String(actionData?.retryAt ?? progress?.quiz?.retryAt), locale)
                : null
            }
            remaining={actionData?.remaining ?? progress?.quiz?.remaining}
          />
        </article>
        <aside className="lesson__aside no-print" aria-label={t("lesson.toc")}>
          <div className="card lesson__stat">
            <span>{t("lesson.progress", { reached: reached.size, total })}</span>
            <span
              className="progress"
              role="progressbar"
              aria-label={t("lesson.progress", { reached: reached.size, total })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <span style={{ width: `${percent}%` }} />
            </span>
            <span className="small muted" data-testid="lesson-timer">
              {t("lesson.timer", { spent: minutes, duration: lesson.durationMinutes })}
            </span>
            {progress?.attempts ? (
              <span className="small muted">
                {t("quiz.best", { score: progress.quizBestScore ?? 0, count: progress.attempts })}
              </span>
            ) : null}
            {!completedAt ? <span className="small muted">{t("lesson.completeHint")}</span> : null}
          </div>
          <nav className="card lesson__toc" aria-labelledby="toc-h">
            <h2 id="toc-h" className="small">
              {t("lesson.toc")}
            </h2>
            <ol>
              {lesson.sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`} className={reached.has(s.id) ? "reached" : undefined}>
                    {s.title}
                  </a>
                </li>
              ))}
              <li>
                <a href="#quiz">{t("quiz.title")}</a>
              </li>
            </ol>
          </nav>
        </aside>
      </div>
    </div>
  );
}
