import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/lib/i18n/use-locale";

/** A plain form: it works without JavaScript and sets the `lang` cookie. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const other = locale === "zh" ? "en" : "zh";
  return (
    // The same page comes back in the other language: keep the reader where they were (with
    // JavaScript the scroll position is kept; without it the server returns them to the same URL).
    <Form method="post" action="/lang" className="lang-switch" aria-label={t("lang.label")} preventScrollReset>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" name="lang" value={other} lang={other === "zh" ? "zh-CN" : "en"} title={t("lang.switch")}>
        {t(`lang.${other}`)}
      </button>
    </Form>
  );
}
