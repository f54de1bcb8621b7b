import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "~/lib/i18n/instance";
import { DEFAULT_LOCALE, isLocale } from "~/lib/i18n/lang";

const requested = document.documentElement.dataset.locale;
const i18n = createI18n(isLocale(requested) ? requested : DEFAULT_LOCALE);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RemixBrowser />
      </I18nextProvider>
    </StrictMode>,
  );
});
