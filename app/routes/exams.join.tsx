import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import { clientIp } from "~/auth/login.server";
import type { RouteHandle } from "~/auth/route-access";
import { ErrorAlert } from "~/components/exams/NoScript";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { examName, examPath } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { joinSitting, myOpenSittings } from "~/exams/sittings.server";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/join" } satisfies RouteHandle;
export const meta = pageMeta("sittings:join.title");
export const links = () => [{ rel: "stylesheet", href: css }];

const joinSchema = z.object({
  code: z.string().trim().min(1, { error: "sittings:err.code" }).max(20, { error: "sittings:err.code" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const [joined, banks] = await Promise.all([myOpenSittings(user.id), bankTitles()]);
  return { joined, banks };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  const parsed = parseForm(joinSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors as Record<string, string>, error: null }, { status: 400 });
  return formAction(
    async () => {
      await joinSitting(user.id, parsed.data.code, clientIp(request));
      return redirectWithToast("/exams/join", { key: "sittings:join.joined" });
    },
    { code: parsed.data.code },
  );
}

export default function Join() {
  const { t } = useTranslation(["sittings", "exams", "common"]);
  const locale = useLocale();
  const { joined, banks } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: Record<string, string> = a?.errors ?? {};
  const exam = (key: string) => examName((k) => t(`exams:${k}`), key, banks, locale);
  return (
    <div className="stack">
      <p>
        <Link to="/exams">← {t("exams:home.title")}</Link>
      </p>
      <h1>{t("join.title")}</h1>
      <Form method="post" className="card stack" aria-labelledby="join-h">
        <p id="join-h" className="muted">
          {t("join.intro")}
        </p>
        <ErrorAlert error={a?.error} params={a && "params" in a ? a.params : undefined} />
        <div className="field">
          <label htmlFor="code">{t("join.code")}</label>
          <input
            id="code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={20}
            required
            aria-invalid={errors.code ? true : undefined}
          />
          <FieldError error={errors.code} />
        </div>
        <SubmitButton pendingLabel={t("common:form.saving")}>{t("join.save")}</SubmitButton>
      </Form>
      {joined.length ? (
        <section className="card" aria-labelledby="mine-h">
          <h2 id="mine-h">{t("join.mine")}</h2>
          <ul data-testid="joined-sittings">
            {joined.map((s) => (
              <li key={s.id}>
                {exam(s.exam)} · {t("join.until", { at: formatDateTime(s.closesAt, locale) })} ·{" "}
                <Link to={examPath(s.exam)}>{t("join.take")}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
