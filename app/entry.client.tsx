import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "~/lib/i18n/instance";
import { DEFAULT_LOCALE, isLocale } from "~/lib/i18n/lang";
import { loadLocale } from "~/lib/i18n/resources";

const requested = document.documentElement.dataset.locale;
const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
// Only the page's language is fetched (decision 046); hydration waits for it.
void loadLocale(locale).then(() => {
  const i18n = createI18n(locale);
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
});
