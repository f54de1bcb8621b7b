import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { examName, examPath, type BankTitles } from "~/exams/labels";
import { formatDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { Progress } from "./Progress";

export type ExamStatusView =
  | { exam: string; state: "passed"; at: Date | string; expiresAt: Date | string }
  | { exam: string; state: "expired"; at: Date | string; expiredAt: Date | string }
  | { exam: string; state: "missing"; attempted: boolean };

export interface ReadinessView {
  ready: boolean;
  readyUntil: Date | string | null;
  exams: ExamStatusView[];
  planTitle?: { zh: string; en: string };
}

export function ExamStateBadge({ s }: { s: ExamStatusView }) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  if (s.state === "passed")
    return <span className="badge badge--ok">{t("state.passed", { date: formatDate(s.expiresAt, locale) })}</span>;
  if (s.state === "expired")
    return <span className="badge badge--warn">{t("state.expired", { date: formatDate(s.expiredAt, locale) })}</span>;
  return <span className="badge badge--danger">{s.attempted ? t("state.notPassed") : t("state.missing")}</span>;
}

/** The trainee's own readiness: ready for duty, or which exam is missing or expired. */
export function ReadinessPanel({
  readiness,
  banks,
  links = true,
}: {
  readiness: ReadinessView;
  banks: BankTitles;
  links?: boolean;
}) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const done = readiness.exams.filter((e) => e.state === "passed").length;
  return (
    <section className="card exams-readiness" aria-labelledby="readiness-h">
      <h2 id="readiness-h">{t("readiness.title")}</h2>
      {readiness.ready ? (
        <p className="alert alert--ok" data-testid="readiness-state">
          {t("readiness.ready", { date: readiness.readyUntil ? formatDate(readiness.readyUntil, locale) : "" })}
        </p>
      ) : (
        <p className="alert alert--warn" data-testid="readiness-state">
          {t("readiness.notReady", { done, total: readiness.exams.length })}
        </p>
      )}
      <Progress max={readiness.exams.length} value={done} label={t("readiness.progress")} />
      <ul className="exams-checklist">
        {readiness.exams.map((e) => (
          <li key={e.exam}>
            {links && e.exam !== "drill" ? (
              <Link to={examPath(e.exam)}>{examName(t, e.exam, banks, locale)}</Link>
            ) : (
              examName(t, e.exam, banks, locale)
            )}{" "}
            <ExamStateBadge s={e} />
          </li>
        ))}
      </ul>
    </section>
  );
}
