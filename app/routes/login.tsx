import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { sessionCookie } from "~/auth/cookie";
import { getUser, safeRedirectPath } from "~/auth/guards.server";
import { deviceCookie, readDeviceToken } from "~/auth/known-device.server";
import { clientIp, login } from "~/auth/login.server";
import type { RouteHandle } from "~/auth/route-access";
import { loginSchema } from "~/auth/schemas";
import { Field } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { formatDate } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";

export const handle = { route: "/login" } satisfies RouteHandle;
export const meta = pageMeta("auth:login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getUser(request)) throw redirect(safeRedirectPath(url.searchParams.get("redirectTo")));
  return { reason: url.searchParams.get("reason") };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(loginSchema, await readForm(request));
  if (!parsed.success)
    return data({ errors: parsed.errors, message: null, email: parsed.values.email ?? "" }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const result = await login(email, password, clientIp(request), readDeviceToken(request));
  if (result.ok) {
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(request, result.token, result.maxAgeSeconds));
    headers.append("Set-Cookie", deviceCookie(request, result.deviceToken));
    return redirect(safeRedirectPath(redirectTo), { headers });
  }
  if (result.reason === "rate-limited") {
    const locale = detectLocale(request);
    const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
    const time = formatDate(result.retryAt, locale, { timeStyle: "short" });
    const retryAfter = String(Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000)));
    return data(
      { errors: {}, message: { key: "auth:login.rateLimited", params: { time, minutes } }, email },
      { status: 429, headers: { "Retry-After": retryAfter } },
    );
  }
  return data({ errors: {}, message: { key: "auth:login.invalid", params: {} }, email }, { status: 400 });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const { reason } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="card auth-card">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      {reason === "expired" && !actionData ? (
        <p className="alert alert--info" role="status">
          {t("login.expired")}
        </p>
      ) : null}
      {actionData?.message ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("auth", actionData.message.key), actionData.message.params)}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="username"
          defaultValue={actionData?.email ?? ""}
          error={errors.email}
          required
          // The login page has one job; the cursor belongs in its first field on a shared terminal.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
        <Field
          name="password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <SubmitButton pendingLabel={t("login.submitting")}>{t("login.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
