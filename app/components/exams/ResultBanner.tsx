import { useTranslation } from "react-i18next";
import { headline, passMark, type Measure } from "~/exams/result-view";
import { formatNumber } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { useLocale } from "~/lib/i18n/use-locale";

function useMeasure() {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  return (m: Measure) =>
    t(messageKey("exams", `unit.${m.unit}`), { n: formatNumber(m.value, locale, { maximumFractionDigits: 2 }) });
}

/** A headline score with its unit: "92%", "85 字/分钟", "12.3 s". */
export function Score({ exam, score, figures }: { exam: string; score: number; figures?: Record<string, unknown> }) {
  const measure = useMeasure();
  return <>{measure(headline(exam, score, figures))}</>;
}

/** The verdict in words, the score and the pass mark it was held to. */
export function ResultBanner({
  exam,
  score,
  figures,
  passed,
  valid,
}: {
  exam: string;
  score: number;
  figures: Record<string, unknown>;
  passed: boolean;
  valid: boolean;
}) {
  const { t } = useTranslation("exams");
  const measure = useMeasure();
  const needs = passMark(exam, figures).map((r) =>
    t(r.op === "min" ? "need.min" : "need.max", {
      what: t(messageKey("exams", `need.${r.what}`)),
      value: measure(r.need),
    }),
  );
  const tone = !valid ? "danger" : passed ? "ok" : "warn";
  return (
    <section className={`exams-verdict exams-verdict--${tone}`} role="status" aria-live="polite">
      <p className="exams-verdict__word" data-testid="result-verdict">
        {!valid ? t("result.invalid") : passed ? t("result.passed") : t("result.failed")}
      </p>
      <p className="exams-verdict__score" data-testid="result-score">
        {t("result.score", { score: measure(headline(exam, score, figures)) })}
      </p>
      {needs.length ? (
        <p className="exams-verdict__mark" data-testid="result-mark">
          {t("result.markList", { list: needs.join(t("fig.checksSep")) })}
        </p>
      ) : null}
    </section>
  );
}
