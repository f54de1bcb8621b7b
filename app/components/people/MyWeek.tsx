import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import type { UpcomingClass } from "~/people/week.server";

type Titled = { titleZh: string; titleEn: string };

/** A trainee's next classes (times already in the centre's zone) and their certificates. */
export function MyWeek({
  userId,
  classes,
  completed,
  ready,
}: {
  userId: number;
  classes: UpcomingClass[];
  completed: { slug: string; title: Titled; day: string }[];
  ready: boolean;
}) {
  const { t } = useTranslation("people");
  const locale = useLocale();
  return (
    <>
      <section className="card" aria-labelledby="week-h">
        <h2 id="week-h">{t("week.title")}</h2>
        {classes.length === 0 ? (
          <p className="empty">{t("week.empty")}</p>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {classes.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.courseSlug ? (
                    <Link to={`/courses/${c.courseSlug}`}>{localTitle(locale, c.title)}</Link>
                  ) : (
                    localTitle(locale, c.title)
                  )}
                </strong>
                <br />
                <span>{t("week.when", { day: c.day, start: c.start, end: c.end })}</span>
                {" · "}
                <span>{c.room ? t("week.room", { room: c.room }) : c.onlineLink ? t("week.online") : null}</span>
                {" · "}
                <span>{t("week.trainer", { name: c.trainer })}</span>
                {" · "}
                <a href={`/calendar/${c.id}.ics`} download>
                  {t("week.ics")}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {completed.length || ready ? (
        <section className="card" aria-labelledby="certs-h">
          <h2 id="certs-h">{t("week.certificates")}</h2>
          <ul>
            {ready ? (
              <li>
                <Link to={`/certificates/${userId}/readiness`}>{t("week.readiness")}</Link>
              </li>
            ) : null}
            {completed.map((c) => (
              <li key={c.slug}>
                <Link to={`/certificates/${userId}/course/${c.slug}`}>
                  {t("week.certificate")} · {localTitle(locale, c.title)}
                </Link>{" "}
                <span className="muted small">{c.day}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
