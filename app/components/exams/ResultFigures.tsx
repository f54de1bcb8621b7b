import { useTranslation } from "react-i18next";
import type { MissedFact } from "~/exams/drill-facts";
import { truthKey } from "~/exams/result-view";
import { INDICATOR_IDS } from "~/exams/scoring/rubric";
import { formatNumber, formatPercent } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { useLocale } from "~/lib/i18n/use-locale";
import { SayList } from "./SayList";

type Figures = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" ? v : 0);

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="exams-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** Every figure the server computed for a result, and what the trainee missed. */
export function ResultFigures({
  exam,
  figures: f,
  misses,
  invalidReason,
  drill,
}: {
  exam: string;
  figures: Figures;
  misses: unknown[];
  invalidReason: string | null;
  drill: { notes: string; scenario: string; trainer: { name: string } } | null;
}) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const n = (v: unknown, d = 1) => formatNumber(num(v), locale, { maximumFractionDigits: d });
  const pct = (v: unknown) => formatPercent(num(v), locale);
  // Which anti-forgery checks ran on a typing result (decision record 023).
  const typingChecks = (c: unknown) => {
    const { stream, human } = c as {
      stream?: { batches: number; seconds: number; ok: boolean };
      human?: { ok: boolean };
    };
    return [
      stream ? t(stream.ok ? "fig.streamOk" : "fig.streamBad", { count: stream.batches, s: stream.seconds }) : "",
      human ? t(human.ok ? "fig.humanOk" : "fig.humanBad") : "",
    ]
      .filter(Boolean)
      .join(t("fig.checksSep"));
  };
  const reasons = Array.isArray(f.invalid) ? (f.invalid as string[]) : invalidReason ? invalidReason.split(",") : [];
  return (
    <div className="stack">
      {reasons.length ? (
        <div className="alert alert--error" role="alert">
          <p>{t("result.invalidWhy")}</p>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{t(`invalid.${r}`, { defaultValue: r })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <section className="card">
        <h2>{t("result.figures")}</h2>
        <dl className="exams-figures">
          {exam.startsWith("typing:") ? (
            <>
              <Row label={t(f.unit === "wpm" ? "fig.netWpm" : "fig.netCpm")} value={n(f.net)} testId="fig-net" />
              <Row label={t(f.unit === "wpm" ? "fig.rawWpm" : "fig.rawCpm")} value={n(f.raw)} />
              <Row label={t("fig.accuracy")} value={pct(f.accuracy)} testId="fig-accuracy" />
              <Row label={t("fig.consistency")} value={pct(f.consistency)} />
              <Row
                label={t("fig.chars")}
                value={t("fig.charsValue", {
                  correct: num(f.correctChars),
                  typed: num(f.typedChars),
                  errors: num(f.errors),
                })}
              />
              <Row label={t("fig.minutes")} value={n(f.minutes, 2)} />
              {f.checks ? <Row label={t("fig.checks")} value={typingChecks(f.checks)} testId="fig-checks" /> : null}
            </>
          ) : null}
          {exam === "response" ? (
            <>
              <Row label={t("fig.first")} value={t("fig.seconds", { s: n(f.first) })} />
              <Row label={t("fig.mean")} value={t("fig.seconds", { s: n(f.mean) })} testId="fig-mean" />
              <Row label={t("fig.median")} value={t("fig.seconds", { s: n(f.median) })} />
              <Row label={t("fig.p90")} value={t("fig.seconds", { s: n(f.p90) })} />
              <Row label={t("fig.completeness")} value={pct(f.completeness)} testId="fig-complete" />
            </>
          ) : null}
          {exam === "quick-reply" ? (
            <>
              <Row
                label={t("fig.correct")}
                value={t("fig.ofTotal", { n: num(f.correct), total: num(f.total) })}
                testId="fig-correct"
              />
              <Row label={t("fig.meanPerQuestion")} value={t("fig.seconds", { s: n(f.meanSeconds) })} />
            </>
          ) : null}
          {exam.startsWith("quiz:") ? (
            <>
              <Row label={t("fig.percent")} value={`${n(f.percent)}%`} testId="fig-percent" />
              <Row label={t("fig.correct")} value={t("fig.ofTotal", { n: num(f.correct), total: num(f.total) })} />
              {f.late ? <Row label={t("fig.late")} value={t("fig.lateValue")} /> : null}
            </>
          ) : null}
          {exam === "drill" ? <Row label={t("fig.weighted")} value={n(f.weighted, 2)} testId="fig-weighted" /> : null}
        </dl>
      </section>
      {exam === "drill" && f.scores ? (
        <section className="card">
          <h2>{t("drill.rubric")}</h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t("drill.indicator")}</th>
                <th>{t("drill.weight")}</th>
                <th>{t("drill.score")}</th>
              </tr>
            </thead>
            <tbody>
              {/* Only the indicators the scenario card named were scored (all eleven before cards). */}
              {INDICATOR_IDS.filter(
                (id) => !Array.isArray(f.indicators) || (f.indicators as string[]).includes(id),
              ).map((id) => {
                // The weights the score was computed with, stored beside it: editing the model later
                // does not rewrite what an old result shows.
                const weight = (f.weights as Record<string, number> | undefined)?.[id];
                return (
                  <tr key={id}>
                    <td>{t(`ind.${id}`)}</td>
                    <td>{weight === undefined ? "—" : `${weight}%`}</td>
                    <td>{String((f.scores as Record<string, number>)[id] ?? "—")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {drill ? (
            <p className="small muted">
              {t("drill.by", { name: drill.trainer.name })}
              {drill.scenario ? ` · ${drill.scenario}` : ""}
            </p>
          ) : null}
          {drill?.notes ? <p>{drill.notes}</p> : null}
        </section>
      ) : null}
      <Misses exam={exam} misses={misses} />
    </div>
  );
}

function Misses({ exam, misses }: { exam: string; misses: unknown[] }) {
  const { t } = useTranslation("exams");
  return (
    <section className="card" aria-labelledby="misses-h">
      <h2 id="misses-h">{t("result.misses")}</h2>
      {misses.length === 0 ? (
        <p className="empty">{t("result.noMisses")}</p>
      ) : (
        <ul className="exams-misses" data-testid="misses">
          {misses.map((m, i) => (
            <li key={i}>
              {exam.startsWith("typing:") ? t("miss.typing", m as Record<string, unknown>) : null}
              {exam === "response" ? (
                <MissResponse m={m as { text: string; missing: string[]; facts?: MissedFact[] }} />
              ) : null}
              {exam === "quick-reply" ? t("miss.quick", m as Record<string, unknown>) : null}
              {exam.startsWith("quiz:") ? (
                <MissQuiz
                  m={
                    m as {
                      prompt: string;
                      right: string;
                      explanation: string;
                      answered: boolean;
                      missingKeywords: string[];
                    }
                  }
                />
              ) : null}
              {exam === "drill" ? t("miss.drill", { name: t(messageKey("exams", `ind.${String(m)}`)) }) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MissResponse({ m }: { m: { text: string; missing: string[]; facts?: MissedFact[] } }) {
  const { t } = useTranslation("exams");
  if (useLocale() === "en" && m.facts?.length)
    return (
      <>
        「{m.text}」 — {t("miss.responseSay")}
        <SayList facts={m.facts} />
      </>
    );
  return (
    <>
      「{m.text}」 — {t("miss.response", { facts: m.missing.join("、") })}
    </>
  );
}

function MissQuiz({
  m,
}: {
  m: { prompt: string; right: string; explanation: string; answered: boolean; missingKeywords: string[] };
}) {
  const { t } = useTranslation("exams");
  const truth = truthKey(m.right);
  return (
    <>
      <strong>{m.prompt}</strong> — {m.answered ? t("miss.quizWrong") : t("miss.quizUnanswered")}{" "}
      {t("miss.quizRight", { right: truth ? t(truth) : m.right })}
      {m.missingKeywords.length ? <> {t("miss.quizKeywords", { list: m.missingKeywords.join("、") })}</> : null}
      {m.explanation ? <p className="small muted">{m.explanation}</p> : null}
    </>
  );
}
