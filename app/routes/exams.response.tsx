import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { NeedsJavaScript } from "~/components/exams/NoScript";
import { ResponseDrill } from "~/components/exams/ResponseDrill";
import { chatAction } from "~/exams/chat-route.server";
import { responseOverview } from "~/exams/response.server";
import { formAction, retryAfterHeaders } from "~/lib/errors.server";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/response" } satisfies RouteHandle;
export const meta = pageMeta("exams:response.title");
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
  const o = await responseOverview();
  return {
    scripts: o.scripts,
    timeLimitSeconds: o.timeLimitSeconds,
    mark: o.mark,
    faq: o.faq.map((c) => ({
      category: c.category,
      title: c.title,
      phrases: c.phrases.map(({ shortcut, title, text }) => ({ shortcut, title, text })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  return formAction(async () => {
    const out = await chatAction("response", user, form);
    return "resultId" in out ? redirect(`/exams/results/${out.resultId}`) : out;
  });
}

export default function ResponsePage() {
  const { t } = useTranslation("exams");
  const { scripts, timeLimitSeconds, mark, faq } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("response.title")}</h1>
          <p className="muted">
            {t("response.rotation", { count: scripts })} ·{" "}
            {t("response.rule", {
              mean: mark.maxMeanSeconds,
              p90: mark.maxP90Seconds,
              complete: Math.round(mark.minComplete * 100),
              minutes: Math.round(timeLimitSeconds / 60),
            })}
          </p>
        </div>
      </div>
      <NeedsJavaScript />
      <ResponseDrill faq={faq} />
    </div>
  );
}
