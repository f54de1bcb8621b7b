import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, redirect, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import { seesExamResults } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { ErrorAlert } from "~/components/exams/NoScript";
import { QuizForm, type PublicQuestion } from "~/components/exams/QuizForm";
import { useRetryWhenBusy } from "~/components/exams/retry-busy";
import { SubmitButton } from "~/components/ui/SubmitButton";
import {
  attemptQuestions,
  getBank,
  publicQuestion,
  quizState,
  saveQuizAnswers,
  startQuiz,
  submitQuiz,
  type QuizAnswers,
} from "~/exams/quiz.server";
import { admitStart } from "~/exams/start-gate.server";
import { invalid, notFound } from "~/lib/errors";
import { ensure, formAction, orErrorPage, retryAfterHeaders } from "~/lib/errors.server";
import { formatDateTime } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/quiz/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data, locale }) => data?.bank.title[locale]);
export const links = () => [{ rel: "stylesheet", href: css }];
export const headers = retryAfterHeaders;

// Saving an answer changes nothing the page shows: no reload after each save.
export function shouldRevalidate({
  formData,
  defaultShouldRevalidate,
}: {
  formData?: FormData;
  defaultShouldRevalidate: boolean;
}) {
  return formData?.get("intent") === "save" ? false : defaultShouldRevalidate;
}

const bankIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

async function bankFrom(params: { id?: string }) {
  const id = bankIdSchema.safeParse(params.id);
  ensure(id.success, notFound());
  return orErrorPage(() => getBank(id.data));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const bank = await bankFrom(params);
  const state = await quizState(user.id, bank);
  return {
    bank: {
      id: bank.id,
      title: bank.title,
      draw: bank.draw,
      timeLimitMinutes: bank.timeLimitMinutes,
      passMark: bank.passMark,
      cooldownMinutes: bank.cooldownMinutes,
    },
    state,
    staff: seesExamResults(user),
  };
}

function answersFrom(form: FormData): QuizAnswers {
  const out: QuizAnswers = new Map();
  for (const key of new Set([...form.keys()])) {
    if (!key.startsWith("a.")) continue;
    const values = form
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.slice(0, 2000));
    if (values.length === 0 || values.every((v) => !v.trim())) continue;
    const [first, ...rest] = values;
    out.set(key.slice(2), first !== undefined && rest.length === 0 ? first : values);
  }
  return out;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const bank = await bankFrom(params);
  const form = await readForm(request);
  const intent = form.get("intent");
  const token = form.get("token");
  return formAction(async () => {
    if (intent === "start") {
      const s = await admitStart(() => startQuiz(user.id, bank));
      const drawn = s.questions ?? (await attemptQuestions(s.attemptId, user.id));
      const questions: PublicQuestion[] = drawn.map(publicQuestion);
      return {
        token: s.token,
        questions,
        secondsLeft: Math.max(0, Math.round((s.deadlineAt.getTime() - Date.now()) / 1000)),
        resumed: s.resumed,
      };
    }
    if (intent === "save") return await saveQuizAnswers(user.id, bank.id, token, answersFrom(form));
    // Unanswered questions: keep what was given and show the form again with a warning and a
    // "submit anyway" button (the page warns before sending when JavaScript runs).
    const asked = String(form.get("asked") ?? "")
      .split(",")
      .filter(Boolean);
    const given = answersFrom(form);
    const unanswered = asked.filter((id) => !given.has(id));
    const kept =
      intent === "submit" &&
      unanswered.length > 0 &&
      (await saveQuizAnswers(user.id, bank.id, token, given).then(
        () => true,
        () => false, // too late or a stale page: the submission itself says why
      ));
    if (kept) {
      const s = await startQuiz(user.id, bank);
      const questions: PublicQuestion[] = (await attemptQuestions(s.attemptId, user.id)).map(publicQuestion);
      return {
        token: s.token,
        questions,
        secondsLeft: Math.max(0, Math.round((s.deadlineAt.getTime() - Date.now()) / 1000)),
        resumed: true,
        unanswered: unanswered.length,
        answers: Object.fromEntries([...given].map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
      };
    }
    if (intent === "submit" || intent === "submit-anyway") {
      const { resultId } = await submitQuiz(user.id, bank.id, token, answersFrom(form));
      return redirect(`/exams/results/${resultId}`);
    }
    throw invalid("exams:err.form");
  });
}

export default function QuizPage() {
  const { t } = useTranslation("exams");
  const locale = useLocale();
  const { bank, state, staff } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as
    | {
        token?: string | null;
        questions?: PublicQuestion[] | null;
        secondsLeft?: number;
        unanswered?: number;
        answers?: Record<string, string[]>;
        error?: string;
        params?: Record<string, string | number>;
      }
    | undefined;
  const submit = useSubmit();
  // A start turned away by a busy server (503) goes again after its Retry-After, when JS runs.
  useRetryWhenBusy(a, () => submit({ intent: "start" }, { method: "post" }));
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{bank.title[locale]}</h1>
          <p className="muted">
            {t("quiz.rule", {
              n: bank.draw,
              minutes: bank.timeLimitMinutes,
              pass: bank.passMark,
              cooldown: bank.cooldownMinutes,
            })}
          </p>
        </div>
        {staff ? <Link to={`/exams/quiz/${bank.id}/analysis`}>{t("analysis.link")}</Link> : null}
      </div>
      <ErrorAlert
        error={a?.error}
        params={a?.params?.at ? { ...a.params, at: formatDateTime(String(a.params.at), locale) } : a?.params}
      />
      {a?.token && a.questions ? (
        <QuizForm
          token={a.token}
          questions={a.questions}
          secondsLeft={a.secondsLeft ?? 0}
          unanswered={a.unanswered ?? 0}
          answers={a.answers ?? {}}
        />
      ) : (
        <section className="card stack">
          {state.retakeAt ? (
            <p className="alert alert--info">{t("quiz.retakeAt", { at: formatDateTime(state.retakeAt, locale) })}</p>
          ) : null}
          {state.open ? (
            <p className="alert alert--info">
              {t("quiz.inProgress", { at: formatDateTime(state.open.deadlineAt, locale) })}
            </p>
          ) : null}
          <Form method="post">
            <SubmitButton
              intent="start"
              pendingLabel={t("quiz.starting")}
              disabled={Boolean(state.retakeAt) && !state.open}
            >
              {state.open ? t("quiz.continue") : t("quiz.start")}
            </SubmitButton>
          </Form>
        </section>
      )}
    </div>
  );
}
