import { useTranslation } from "react-i18next";
import { reviewLines, type ReviewAttempt } from "~/exams/review";
import { messageKey } from "~/lib/i18n/keys";

/** For trainers and HR: every check that ran on a result and its outcome, in words. */
export function ReviewChecks({
  exam,
  figures,
  attempt,
  valid,
}: {
  exam: string;
  figures: Record<string, unknown>;
  attempt: ReviewAttempt | null;
  valid: boolean;
}) {
  const { t } = useTranslation(["sittings", "exams"]);
  const [verdict, ...lines] = reviewLines(exam, figures, attempt, valid);
  const say = (l: { key: string; params?: Record<string, string | number> }) =>
    l.key === "review.reason"
      ? t(messageKey("exams", `invalid.${String(l.params?.reason)}`), { defaultValue: String(l.params?.reason) })
      : t(messageKey("sittings", l.key), l.params);
  return (
    <section className="card" aria-labelledby="review-h">
      <h2 id="review-h">{t("review.title")}</h2>
      <p data-testid="review-summary">
        <strong>{verdict ? say(verdict) : ""}</strong>
        {lines.length ? `: ${lines.map(say).join(t("exams:fig.checksSep"))}` : ""}
      </p>
    </section>
  );
}
