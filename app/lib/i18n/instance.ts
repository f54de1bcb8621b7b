import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { namespaces, resources, type Namespace } from "./resources";

// Keys are flat ("login.title"); the namespace goes before a colon ("auth:login.title").
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    ns: Object.keys(namespaces),
    defaultNS: "common",
    keySeparator: false,
    nsSeparator: ":",
    interpolation: { escapeValue: false }, // React escapes on render
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

const fixed = new Map<Locale, I18n>();

/**
 * A shared instance per language for server rendering. The server never changes an instance's
 * language, so requests can share one instead of building one each time.
 */
export function serverI18n(locale: Locale): I18n {
  let instance = fixed.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    fixed.set(locale, instance);
  }
  return instance;
}

/** A translate function for server code (CSV headers, e-mails, .ics files, JSON errors). */
export function serverT<N extends Namespace = "common">(locale: Locale, ns?: N): TFunction<N> {
  return serverI18n(locale).getFixedT(locale, ns ?? "common") as TFunction<N>;
}
