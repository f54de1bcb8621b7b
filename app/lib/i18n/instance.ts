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
    instance = memoizePlainKeys(createI18n(locale));
    fixed.set(locale, instance);
  }
  return instance;
}

// A page render asks for the same option-less keys hundreds of times, and each i18next call
// copies its whole options object: on a list page that was a tenth of the server's time. The
// server instances never change language or resources, so a key without options always
// translates the same. Bounded: keys come from the code, but a stray computed key must not grow
// the map for ever.
const MEMO_MAX = 5_000;

type LooseT = ((key: unknown, ...rest: unknown[]) => string) & { lng?: string; ns?: unknown; keyPrefix?: unknown };

export function memoizePlainKeys(instance: I18n): I18n {
  const memo = new Map<string, string>();
  const getFixedT = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => LooseT;
  const memoized = (...args: unknown[]): LooseT => {
    const t = getFixedT(...args);
    const prefix = `${String(t.lng ?? instance.language)}\u0000${String(t.ns)}\u0000${String(t.keyPrefix ?? "")}\u0000`;
    const memoT: LooseT = (key, ...rest) => {
      if (rest.length || typeof key !== "string") return t(key, ...rest);
      const id = prefix + key;
      let out = memo.get(id);
      if (out === undefined) {
        out = t(key);
        if (memo.size >= MEMO_MAX) memo.clear();
        memo.set(id, out);
      }
      return out;
    };
    return Object.assign(memoT, { lng: t.lng, ns: t.ns, keyPrefix: t.keyPrefix });
  };
  instance.getFixedT = memoized as unknown as I18n["getFixedT"];
  return instance;
}

/** A translate function for server code (CSV headers, e-mails, .ics files, JSON errors). */
export function serverT<N extends Namespace = "common">(locale: Locale, ns?: N): TFunction<N> {
  return serverI18n(locale).getFixedT(locale, ns ?? "common") as TFunction<N>;
}
