import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { NeedsJavaScript } from "~/components/exams/NoScript";
import { QuickReplyTest } from "~/components/exams/QuickReplyTest";
import { chatAction } from "~/exams/chat-route.server";
import { quickReplyOverview } from "~/exams/quick-reply.server";
import { formAction } from "~/lib/errors.server";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/quick-reply" } satisfies RouteHandle;
export const meta = pageMeta("exams:quick.title");
export const links = () => [{ rel: "stylesheet", href: css }];

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
  const o = await quickReplyOverview();
  return {
    questions: o.questions,
    mark: o.mark,
    categories: o.faq.map((c) => ({ category: c.category, title: c.title, count: c.phrases.length })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  return formAction(async () => {
    const out = await chatAction("quick-reply", user, form);
    return "resultId" in out ? redirect(`/exams/results/${out.resultId}`) : out;
  });
}

export default function QuickReplyPage() {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const { questions, mark, categories } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("quick.title")}</h1>
          <p className="muted">
            {t("quick.rule", { n: questions, correct: Math.round(mark.minCorrect * 100), mean: mark.maxMeanSeconds })}
          </p>
          <p className="muted small">
            {t("quick.categories", {
              list: categories.map((c) => c.title[locale]).join(locale === "zh" ? "、" : ", "),
            })}
          </p>
        </div>
      </div>
      <NeedsJavaScript />
      <QuickReplyTest />
    </div>
  );
}
