// What the browser bundle gets in place of resources.ts (the Vite plugin in
// scripts/vite-locale-messages.ts swaps it in): the messages of the reader's language only,
// loaded as one chunk per language, instead of both languages in every page's JavaScript.
import type { Locale } from "./lang";

type Bundle = Record<string, Record<string, string>>;

/** Filled by `loadLocale`; keys are the same in both languages, so either answers "is this a key?". */
export const namespaces: Record<string, { zh: Record<string, string>; en: Record<string, string> }> = {};
/** Shared with every i18next instance made from it, so a language loaded later reaches them all. */
export const resources: Partial<Record<Locale, Bundle>> = {};

/** Loads a language's messages once; call before making an i18next instance or switching to it. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (resources[locale]) return;
  const bundle: Bundle = (
    locale === "en" ? await import("virtual:weike-messages/en") : await import("virtual:weike-messages/zh")
  ).default;
  resources[locale] = bundle;
  for (const [ns, messages] of Object.entries(bundle)) namespaces[ns] ??= { zh: messages, en: messages };
}
