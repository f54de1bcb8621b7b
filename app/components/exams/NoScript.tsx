import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";

/** Timed exams run in the browser: say so plainly when scripts are off. */
export function NeedsJavaScript() {
  const { t } = useTranslation("exams");
  return (
    <noscript>
      <p className="alert alert--warn" role="alert">
        {t("noscript")}
      </p>
    </noscript>
  );
}

export function ErrorAlert({ error, params }: { error?: string | null; params?: Record<string, string | number> }) {
  const { t } = useTranslation("exams");
  if (!error) return null;
  return (
    <p className="alert alert--error" role="alert">
      {t(messageKey("exams", error), params)}
    </p>
  );
}
