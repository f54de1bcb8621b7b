// Every page's <title> and description, in the reader's language: "标题 · 微课" / "Title · Weike".
// Remix runs `meta` on the server and in the browser; both have all messages bundled, so the
// title is translated right here from the language the root loader chose.
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { serverI18n } from "./instance";
import type { QualifiedKey } from "./keys";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./lang";

type Params = Record<string, string | number>;
export type MetaTranslate = (key: QualifiedKey, params?: Params) => string;

/** What a computed title sees: the page's loader data (absent when the page failed), the language, `t`. */
export interface MetaContext<Loader> {
  data: MetaArgs<Loader>["data"] | undefined;
  locale: Locale;
  t: MetaTranslate;
}

/** A message key, or a function of the loader data; returning undefined falls back to the app's name. */
export type MetaText<Loader> = QualifiedKey | ((c: MetaContext<Loader>) => string | undefined);

function localeOf(matches: MetaArgs["matches"]): Locale {
  const data = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** The page title as the browser tab shows it. */
export function titleText(title: string | undefined, t: MetaTranslate): string {
  const app = t("common:app.name");
  return title ? `${title} · ${app}` : app;
}

/**
 * `export const meta = pageMeta<typeof loader>("workflow:week.title")` or, from loader data,
 * `pageMeta<typeof loader>(({ data }) => data?.user.name)`. Without a description the app's
 * tagline describes the page.
 */
export function pageMeta<Loader = unknown>(title: MetaText<Loader>, description?: MetaText<Loader>) {
  return (args: MetaArgs<Loader>): MetaDescriptor[] => {
    const locale = localeOf(args.matches);
    // Keys are checked by QualifiedKey; i18next's own overloads only know the default namespace.
    const fixed = serverI18n(locale).getFixedT(locale) as unknown as (key: string, params?: Params) => string;
    const t: MetaTranslate = (key, params) => fixed(key, params);
    const context: MetaContext<Loader> = { data: args.data ?? undefined, locale, t };
    const text = (x: MetaText<Loader> | undefined) => (typeof x === "function" ? x(context) : x && t(x));
    return [
      { title: titleText(text(title), t) },
      { name: "description", content: text(description) ?? t("common:app.tagline") },
    ];
  };
}
