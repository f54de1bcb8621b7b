import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { QUIZ_MAX_ATTEMPTS } from "~/catalogue/progress-rules";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { messageKey } from "~/lib/i18n/keys";

// Many prompts already end in "（多选）": the marker is added only where the prompt lacks it.
const MARKED_MULTIPLE = /[（(]\s*多选\s*[)）]/;

export type QuizView = {
  passMark: number;
  questions: { id: string; prompt: string; choices: { key: string; text: string }[]; multiple: boolean }[];
};
export type QuizResult = {
  score: number;
  correct: number;
  total: number;
  passed: boolean;
  // The answer key comes only after a pass or the last allowed attempt.
  results: { id: string; correct: boolean; chosen: string[]; answer?: string[]; explanation?: string }[];
};

export function Quiz({
  quiz,
  token,
  versionId,
  result,
  error,
  errorParams,
  retryAt,
  remaining,
}: {
  quiz: QuizView;
  token: string;
  versionId: number;
  result?: QuizResult;
  error?: string;
  errorParams?: Record<string, string | number>;
  /** When a cool-down ends, already formatted. */
  retryAt?: string | null;
  remaining?: number;
}) {
  const { t } = useTranslation("catalogue");
  const byId = new Map(result?.results.map((r) => [r.id, r]));
  // The score and the completion banner sit above the questions: after a submission, bring them
  // into view and move focus there, or the trainee at the bottom of the form never sees them.
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!result || !outcome.current) return;
    outcome.current.scrollIntoView({ block: "center" });
    outcome.current.focus({ preventScroll: true });
  }, [result]);
  return (
    <section className="card quiz" aria-labelledby="quiz-h" id="quiz">
      <h2 id="quiz-h">{t("quiz.title")}</h2>
      <p className="muted">{t("quiz.intro", { count: quiz.questions.length, passMark: quiz.passMark })}</p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("catalogue", error), errorParams)}
        </p>
      ) : null}
      {result ? (
        <p
          ref={outcome}
          tabIndex={-1}
          className={`alert ${result.passed ? "alert--ok" : "alert--warn"}`}
          role="status"
          data-testid="quiz-outcome"
        >
          {result.passed
            ? t("quiz.passed", result)
            : result.results.some((r) => r.explanation !== undefined)
              ? t("quiz.failed", { ...result, passMark: quiz.passMark })
              : t("quiz.failedHidden", { ...result, passMark: quiz.passMark })}
        </p>
      ) : null}
      {retryAt && !result?.passed ? (
        <p className="alert alert--info">{t("quiz.cooldown", { at: retryAt, max: QUIZ_MAX_ATTEMPTS })}</p>
      ) : remaining !== undefined && !result?.passed && remaining < QUIZ_MAX_ATTEMPTS ? (
        <p className="muted">{t("quiz.attemptsLeft", { count: remaining })}</p>
      ) : null}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="versionId" value={versionId} />
        {quiz.questions.map((q, i) => {
          const r = byId.get(q.id);
          return (
            <fieldset key={q.id}>
              <legend>
                {i + 1}. {q.prompt}{" "}
                {q.multiple && !MARKED_MULTIPLE.test(q.prompt) ? (
                  <span className="muted small">{t("quiz.multiple")}</span>
                ) : null}
              </legend>
              {q.choices.map((c) => (
                <label key={c.key}>
                  <input
                    type={q.multiple ? "checkbox" : "radio"}
                    name={`q:${q.id}`}
                    value={c.key}
                    defaultChecked={r?.chosen.includes(c.key)}
                  />
                  <span>
                    {c.key}. {c.text}
                  </span>
                </label>
              ))}
              {r ? (
                <div className={`quiz__result ${r.correct ? "quiz__result--right" : "quiz__result--wrong"}`}>
                  <strong>{r.correct ? t("quiz.right") : t("quiz.wrong")}</strong>
                  {r.correct || !r.answer ? null : <> · {t("quiz.answer", { answer: r.answer.join(", ") })}</>}
                  {r.explanation === undefined ? null : (
                    <p className="small">
                      {t("quiz.explanation")}
                      {r.explanation}
                    </p>
                  )}
                </div>
              ) : null}
            </fieldset>
          );
        })}
        <SubmitButton intent="quiz" pendingLabel={t("quiz.submitting")}>
          {t("quiz.submit")}
        </SubmitButton>
      </Form>
    </section>
  );
}
