import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";

const KNOWN = new Set([400, 401, 403, 404, 405, 409, 413, 429, 500, 503]);

/** The one error boundary of the app: a friendly page per HTTP status, inside the shell. */
export function ErrorPage() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = KNOWN.has(status) ? status : status >= 500 ? 500 : 400;
  if (!isRouteErrorResponse(error)) console.error(error);
  const heading = t(`error.heading.${known}`, { defaultValue: t("error.title") });
  // A refusal thrown by a feature names its own message; a bare status gets the generic one.
  const refusal = isRouteErrorResponse(error) ? pageData(error.data) : null;
  return (
    <section className="error-page" aria-labelledby="error-heading">
      <p className="error-page__code" aria-hidden="true">
        {status}
      </p>
      <h1 id="error-heading">{heading}</h1>
      <p>
        {refusal
          ? t(messageKey("common", refusal.messageKey), refusal.params)
          : t(messageKey("common", `error.${known}`))}
      </p>
      {/* The form reader answers with a message key ("common:form.tooLarge") as its body. */}
      {isRouteErrorResponse(error) &&
      typeof error.data === "string" &&
      /^\w+:[\w.]+$/.test(error.data) &&
      i18n.exists(error.data) ? (
        <p>{t(messageKey("common", error.data))}</p>
      ) : null}
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}

function pageData(d: unknown): { messageKey: string; params: Record<string, string | number> } | null {
  if (!d || typeof d !== "object" || typeof (d as { messageKey?: unknown }).messageKey !== "string") return null;
  const { messageKey, params } = d as { messageKey: string; params?: Record<string, string | number> };
  return { messageKey, params: params ?? {} };
}
