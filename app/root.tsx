import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/guards.server";
import { ErrorPage } from "~/components/layout/ErrorPage";
import { Header } from "~/components/layout/Header";
import { ToastMessage } from "~/components/layout/ToastMessage";
import { NotificationBell } from "~/components/workflow/NotificationBell";
import { setTimeZone, timeZone } from "~/lib/clock";
import { readFlash } from "~/lib/flash.server";
import { localeTag, type Locale } from "~/lib/i18n/lang";
import { detectLocale } from "~/lib/i18n/locale";
import { loadLocale } from "~/lib/i18n/resources";
import { useNonce } from "~/lib/nonce";
import appCss from "~/styles/app.css?url";
import { unreadCount } from "~/workflow/notify.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "微课 Weike" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = detectLocale(request);
  const user = await getUser(request);
  const { toast, clear } = readFlash(request);
  return data(
    {
      locale,
      timeZone: timeZone(),
      user: user ? { id: user.id, name: user.name, email: user.email, roles: user.roles } : null,
      toast,
      unread: user ? await unreadCount(user.id) : 0,
    },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root") as RootData | undefined;
  const locale: Locale = rootData?.locale ?? "zh";
  // Before the first render, so that the browser shows the same days and times as the server.
  if (rootData?.timeZone) setTimeZone(rootData.timeZone);
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  useEffect(() => {
    // The browser holds one language's messages: fetch the other before switching to it.
    if (i18n.language !== locale) void loadLocale(locale).then(() => i18n.changeLanguage(locale));
  }, [i18n, locale]);
  return (
    <html lang={localeTag(locale)} data-locale={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("skip")}
        </a>
        <Header
          user={rootData?.user ?? null}
          extras={rootData?.user ? <NotificationBell count={rootData.unread} /> : null}
        />
        <ToastMessage toast={rootData?.toast ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
