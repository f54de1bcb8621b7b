import { useTranslation } from "react-i18next";
import type { TranscriptRow } from "~/exams/transcript.server";
import { formatNumber, formatTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { SayList } from "./SayList";

/** The response drill as it happened, message by message, for coaching. */
export function Transcript({ rows }: { rows: TranscriptRow[] }) {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  // The facts are Chinese words for a Chinese customer; English readers get them labelled and glossed.
  const english = locale === "en";
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
                {r.complete
                  ? t("result.replyComplete")
                  : t("result.replyMissing", { facts: english ? "" : r.missing.join("、") })}
              </span>
            )}
            {english && !r.complete && r.facts.length ? <SayList facts={r.facts} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
