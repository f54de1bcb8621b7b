import { useTranslation } from "react-i18next";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";

type Titled = { titleZh: string; titleEn: string };

/** One certificate as a print page: who, what, when, and the verification id. */
export function Certificate({
  kind,
  person,
  title,
  completed,
}: {
  kind: "course" | "readiness";
  person: { name: string; employeeNo: string };
  title: Titled;
  completed: { day: string; id: string; until?: string | null };
}) {
  const { t } = useTranslation("people");
  const locale = useLocale();
  return (
    <>
      <p className="no-print row">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t("cert.print")}
        </button>
      </p>
      <article className="certificate" aria-labelledby="cert-h">
        <h1 id="cert-h">{kind === "course" ? t("cert.course.title") : t("cert.readiness.title")}</h1>
        <p>
          {kind === "course"
            ? t("cert.body.course", { name: person.name, employeeNo: person.employeeNo })
            : t("cert.body.readiness", { name: person.name, employeeNo: person.employeeNo })}
        </p>
        <p className="certificate-subject">{localTitle(locale, title)}</p>
        <p>{t("cert.completedOn", { day: completed.day })}</p>
        {completed.until ? <p>{t("cert.validUntil", { day: completed.until })}</p> : null}
        <div className="certificate-meta">
          <p>{t("cert.issuer")}</p>
          <p>
            <code>{t("cert.verification", { id: completed.id })}</code>
          </p>
        </div>
      </article>
    </>
  );
}
