import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { canSeeExamsOf, seesExamResults } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { ResultBanner } from "~/components/exams/ResultBanner";
import { ResultFigures } from "~/components/exams/ResultFigures";
import { ReviewChecks } from "~/components/exams/ReviewChecks";
import { Transcript } from "~/components/exams/Transcript";
import { examName, examPath } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { getResult } from "~/exams/readiness.server";
import { nextAttemptAt, responseTranscript, type TranscriptRow } from "~/exams/transcript.server";
import { forbidden, notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";
import { formatDateTime } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { idSchema } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/results/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, t, locale }) =>
    data && t("exams:result.title", { exam: examName((k) => t(`exams:${k}`), data.result.exam, data.banks, locale) }),
);
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  const result = id.success ? await getResult(id.data) : null;
  ensure(result, notFound());
  ensure(canSeeExamsOf(user, result.userId), forbidden());
  const figures = JSON.parse(result.figures) as Record<string, unknown>;
  const own = result.userId === user.id;
  const perMessage = Array.isArray(figures.perMessage)
    ? (figures.perMessage as Parameters<typeof responseTranscript>[1])
    : [];
  const [banks, transcript, nextAt] = await Promise.all([
    bankTitles(),
    result.exam === "response" && result.attemptId
      ? responseTranscript(result.attemptId, perMessage)
      : Promise.resolve([] as TranscriptRow[]),
    own ? nextAttemptAt(user.id, result.exam) : Promise.resolve(null),
  ]);
  return {
    result: { ...result, figures, misses: JSON.parse(result.misses) as unknown[] },
    banks,
    own,
    reviewer: seesExamResults(user),
    transcript,
    nextAt: nextAt?.toISOString() ?? null,
  };
}

export default function ResultPage() {
  const { t } = useTranslation(["exams", "sittings"]);
  const locale = useLocale();
  const { result, banks, own, reviewer, transcript, nextAt } = useLoaderData<typeof loader>();
  const name = examName(t, result.exam, banks, locale);
  return (
    <div className="stack">
      <p>
        <Link to={`/exams/history/${result.userId}`}>← {t("history.title", { name: result.user.name })}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t("result.title", { exam: name })}</h1>
          <p className="muted">
            {result.user.name} · {formatDateTime(result.createdAt, locale)}
          </p>
        </div>
      </div>
      <ResultBanner
        exam={result.exam}
        score={result.score}
        figures={result.figures}
        passed={result.passed}
        valid={result.valid}
      />
      {result.attempt?.voidedAt ? (
        <p className="alert alert--error" role="alert" data-testid="result-voided">
          {t("sittings:history.voided", { reason: result.attempt.voidReason ?? "" })}
        </p>
      ) : null}
      {reviewer ? (
        <ReviewChecks exam={result.exam} figures={result.figures} attempt={result.attempt} valid={result.valid} />
      ) : null}
      <ResultFigures
        exam={result.exam}
        figures={result.figures}
        misses={result.misses}
        invalidReason={result.attempt?.invalidReason ?? null}
        drill={result.drill}
      />
      <Transcript rows={transcript} />
      {own && result.exam !== "drill" ? (
        <p>
          {nextAt ? (
            <span className="alert alert--info" data-testid="next-attempt">
              {t("result.nextAt", { at: formatDateTime(nextAt, locale) })}
            </span>
          ) : (
            <Link className="button secondary" to={examPath(result.exam)}>
              {t("result.again")}
            </Link>
          )}{" "}
          <Link to="/exams">{t("result.back")}</Link>
        </p>
      ) : null}
    </div>
  );
}
