import { useTranslation } from "react-i18next";
import type { TranscriptRow } from "~/exams/transcript.server";
import { formatNumber, formatTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";

/** The response drill as it happened, message by message, for coaching. */
export function Transcript({ rows }: { rows: TranscriptRow[] }) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="transcript-h">
      <h2 id="transcript-h">{t("result.transcript")}</h2>
      <p className="small muted">{t("result.transcriptIntro")}</p>
      <ol className="exams-transcript" data-testid="transcript">
        {rows.map((r) => (
          <li key={r.messageId}>
            <p>
              <strong>{t("result.customer", { at: formatTime(r.releasedAt, locale) })}</strong> {r.text}
            </p>
            {r.repliedAt ? (
              <p>
                <strong>
                  {t("result.reply", {
                    at: formatTime(r.repliedAt, locale),
                    s: formatNumber(r.seconds ?? 0, locale, { maximumFractionDigits: 1 }),
                  })}
                </strong>{" "}
                {r.reply}
              </p>
            ) : (
              <p className="muted">{t("result.noReply")}</p>
            )}
            {r.complete === null ? null : (
              <span className={`badge ${r.complete ? "badge--ok" : "badge--warn"}`}>
                {r.complete ? t("result.replyComplete") : t("result.replyMissing", { facts: r.missing.join("、") })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
