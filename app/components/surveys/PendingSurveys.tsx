import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/i18n/format";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";

interface Pending {
  id: number;
  closesAt: string | Date;
  heldOn: string | Date;
  titleZh: string;
  titleEn: string;
}

/** The trainee's home panel: surveys to answer, each with its deadline. */
export function PendingSurveys({ surveys }: { surveys: Pending[] }) {
  const { t } = useTranslation("surveys");
  const locale = useLocale();
  if (surveys.length === 0) return null;
  return (
    <section className="card" aria-labelledby="surveys-heading">
      <h2 id="surveys-heading">{t("home.title")}</h2>
      <ul>
        {surveys.map((s) => (
          <li key={s.id}>
            <Link to={`/surveys/${s.id}`}>{localTitle(locale, s)}</Link>{" "}
            <span className="muted small">({formatDate(s.heldOn, locale)})</span>{" "}
            <span className="badge badge--warn">
              {t("home.due", { date: formatDate(s.closesAt, locale, { dateStyle: "medium", timeStyle: "short" }) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
