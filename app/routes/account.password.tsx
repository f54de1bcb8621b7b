import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changeOwnPassword } from "~/auth/account.server";
import { requireRouteSession } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { changePasswordSchema } from "~/auth/schemas";
import { Field } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { redirectWithToast } from "~/lib/flash.server";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";

export const handle = { route: "/account/password" } satisfies RouteHandle;
export const meta = pageMeta("auth:password.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteSession(request, handle);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireRouteSession(request, handle);
  const parsed = parseForm(changePasswordSchema, await readForm(request));
  if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 });
  const ok = await changeOwnPassword(session.user.id, session.sessionId, parsed.data.current, parsed.data.next);
  if (!ok)
    return data({ errors: { current: "auth:password.wrongCurrent" } as Record<string, string> }, { status: 400 });
  return redirectWithToast("/", { key: "auth:password.changed" });
}

export default function ChangePassword() {
  const { t } = useTranslation(["auth", "common"]);
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  return (
    <div className="card auth-card">
      <h1>{t("password.title")}</h1>
      <p className="muted">{t("password.hint")}</p>
      <Form method="post" className="form" noValidate>
        <Field
          name="current"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          error={errors.current}
          required
        />
        <Field
          name="next"
          type="password"
          label={t("password.new")}
          autoComplete="new-password"
          error={errors.next}
          required
          minLength={10}
        />
        <Field
          name="confirm"
          type="password"
          label={t("password.confirm")}
          autoComplete="new-password"
          error={errors.confirm}
          required
        />
        <SubmitButton pendingLabel={t("common:form.saving")}>{t("password.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
