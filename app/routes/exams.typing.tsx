import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ErrorAlert, NeedsJavaScript } from "~/components/exams/NoScript";
import { useRetryWhenBusy } from "~/components/exams/retry-busy";
import { TypingExam, type StartedTyping } from "~/components/exams/TypingExam";
import { typingActionSchema } from "~/exams/schemas";
import { admitStart } from "~/exams/start-gate.server";
import { startTyping, submitTyping, typingOptions } from "~/exams/typing.server";
import { TYPING_LOG_MAX_CHARS } from "~/lib/body-limits";
import { invalid } from "~/lib/errors";
import { formAction, retryAfterHeaders } from "~/lib/errors.server";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { arrivalOf } from "~/lib/server-timing.server";
import { parseForm } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/typing" } satisfies RouteHandle;
export const meta = pageMeta("exams:typing.title");
export const links = () => [{ rel: "stylesheet", href: css }];
export const headers = retryAfterHeaders;

// Answers during a running exam change nothing this page's loader shows: skip the reload.
export function shouldRevalidate({
  formMethod,
  defaultShouldRevalidate,
}: {
  formMethod?: string;
  defaultShouldRevalidate: boolean;
}) {
  return formMethod === "POST" ? false : defaultShouldRevalidate;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  return { options: await typingOptions() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const arrived = arrivalOf(context); // the log's arrival, before a busy server reads the session and body
  const user = await requireRouteAccess(request, handle);
  const parsed = parseForm(typingActionSchema, await readForm(request, { maxFieldLength: TYPING_LOG_MAX_CHARS }));
  return formAction(async () => {
    if (!parsed.success) throw invalid(Object.values(parsed.errors)[0] ?? "exams:err.form");
    if (parsed.data.intent === "start") {
      const lang = parsed.data.lang;
      const s = await admitStart(() => startTyping(user.id, lang));
      return {
        started: { token: s.token, target: s.target, durationMs: s.durationMs, lang: s.lang } satisfies StartedTyping,
      };
    }
    // Only the token and the raw log are read; any score fields in the form are ignored.
    const { resultId } = await submitTyping(user.id, parsed.data.token, parsed.data.log, arrived);
    return redirect(`/exams/results/${resultId}`);
  });
}

export default function TypingPage() {
  const { t } = useTranslation("exams");
  const { options } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const fetcher = useFetcher<typeof action>();
  const lang = params.get("lang") === "en" ? "en" : "zh";
  const option = options.find((o) => o.lang === lang) ?? options[0];
  const result = fetcher.data as
    { started?: StartedTyping; error?: string; params?: Record<string, string | number> } | undefined;
  const started = result?.started;
  useRetryWhenBusy(result, () => fetcher.submit({ intent: "start", lang: option?.lang ?? lang }, { method: "post" }));
  const submitting = fetcher.state !== "idle" && fetcher.formData?.get("intent") === "submit";
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("typing.title")}</h1>
          {option ? (
            <p className="muted">
              {t(option.lang === "zh" ? "typing.ruleZh" : "typing.ruleEn", {
                minutes: option.seconds / 60,
                net: option.minNet,
                acc: Math.round(option.minAccuracy * 100),
              })}
            </p>
          ) : null}
        </div>
      </div>
      <NeedsJavaScript />
      <ErrorAlert error={result?.error} params={result?.params} />
      {!option ? (
        <p className="empty">{t("err.noContent")}</p>
      ) : started && !result?.error ? (
        submitting ? (
          <p className="alert alert--info" role="status">
            {t("typing.scoring")}
          </p>
        ) : (
          <TypingExam
            started={started}
            onFinish={(log) => fetcher.submit({ intent: "submit", token: started.token, log }, { method: "post" })}
          />
        )
      ) : (
        <section className="card stack" aria-labelledby="typing-start-h">
          <h2 id="typing-start-h">{t("typing.before")}</h2>
          <ul className="small">
            <li>{t("typing.rule1")}</li>
            <li>{t("typing.rule2")}</li>
            <li>{t("typing.rule3")}</li>
          </ul>
          <fetcher.Form method="post" className="row">
            <input type="hidden" name="lang" value={option.lang} />
            <button
              type="submit"
              name="intent"
              value="start"
              className="primary js-only"
              disabled={fetcher.state !== "idle"}
            >
              {t("typing.start")}
            </button>
          </fetcher.Form>
        </section>
      )}
    </div>
  );
}
