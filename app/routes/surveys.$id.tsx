import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ScaleQuestion } from "~/components/surveys/ScaleQuestion";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDate } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle, pickLocalized } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { parseForm, idSchema } from "~/lib/validation";
import css from "~/styles/surveys.css?url";
import { ITEMS } from "~/surveys/figures";
import { COMMENT_MAX, responseSchema, toResponseInput } from "~/surveys/instrument";
import { loadSurveyForUser, submitResponse } from "~/surveys/respond.server";

export const handle = { route: "/surveys/:id" } satisfies RouteHandle;
export const meta = pageMeta("surveys:answer.title");
export const links = () => [{ rel: "stylesheet", href: css }];

async function load(params: { id?: string }, userId: number) {
  const id = idSchema.safeParse(params.id);
  const found = id.success ? await loadSurveyForUser(id.data, userId) : { status: "notFound" as const };
  ensure(found.status !== "notFound", notFound());
  return found;
}

// Someone who was not asked gets a page that says so (403), not the generic error page.
const denied = () => data({ denied: true as const }, { status: 403 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const found = await load(params, user.id);
  return found.status === "notYours" ? denied() : found;
}

const STATUS = { closed: 409, alreadyAnswered: 409, notYours: 403, notFound: 404 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const found = await load(params, user.id);
  if (found.status === "notYours")
    return data(
      { errors: { _form: "surveys:err.notYours" } as Record<string, string>, values: {} as Record<string, string> },
      { status: 403 },
    );
  const form = await readForm(request);
  const parsed = parseForm(responseSchema(found.extra), form);
  if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const mode = form.get("mode") === "edit" ? "edit" : "new";
  const result = await submitResponse(found.survey.id, user.id, toResponseInput(parsed.data, found.extra), mode);
  if (result === "created" || result === "updated") {
    return redirectWithToast(`/surveys/${found.survey.id}`, {
      key: result === "created" ? "surveys:toast.created" : "surveys:toast.updated",
    });
  }
  const key =
    result === "alreadyAnswered" && !found.survey.anonymous
      ? "surveys:err.alreadyAnsweredEdit"
      : `surveys:err.${result}`;
  return data(
    { errors: { _form: key } as Record<string, string>, values: {} as Record<string, string> },
    { status: STATUS[result] },
  );
}

export default function SurveyPage() {
  const page = useLoaderData<typeof loader>();
  return "denied" in page ? <NotAsked /> : <AnswerSurvey {...page} />;
}

function NotAsked() {
  const { t } = useTranslation(["surveys", "common"]);
  return (
    <div className="stack survey-page">
      <h1>{t("answer.title")}</h1>
      <p className="alert alert--error" role="alert">
        {t("err.notYours")}
      </p>
      <p>
        <Link to="/" className="button">
          {t("common:error.backHome")}
        </Link>
      </p>
    </div>
  );
}

type Found = Extract<Awaited<ReturnType<typeof loadSurveyForUser>>, { status: "ok" }>;

function AnswerSurvey({
  survey,
  extra,
  answered,
  response,
}: Omit<Found, "survey" | "response"> & {
  survey: Omit<Found["survey"], "closesAt" | "heldOn"> & { closesAt: string | Date; heldOn: string | Date };
  response: Found["response"];
}) {
  const { t, i18n } = useTranslation(["surveys", "common"]);
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const posted: Record<string, string> = actionData?.values ?? {};
  const title = localTitle(locale, survey);
  const open = survey.state === "open";
  const canAnswer = open && !(answered && survey.anonymous);
  // What the form shows: what was just posted (after an error), else the stored answers.
  const value = (name: string): string | undefined => {
    if (name in posted) return posted[name];
    if (!response) return undefined;
    if (name.startsWith("x_")) {
      const v = response.extra?.[name.slice(2)];
      return v === undefined ? undefined : String(v);
    }
    const v = (response as Record<string, unknown>)[name];
    return v === undefined || v === null ? undefined : String(v);
  };
  const errorCount = Object.keys(errors).filter((k) => k !== "_form").length;
  return (
    <div className="stack survey-page">
      <div className="page-head">
        <div>
          <p className="muted small">{t("answer.title")}</p>
          <h1>{title}</h1>
          <p className="muted">
            {t("answer.meta", { date: formatDate(survey.heldOn, locale), trainer: survey.trainer })}
          </p>
        </div>
      </div>
      {survey.state === "closed" ? (
        <p className="alert alert--info">
          {t("answer.closed", {
            date: formatDate(survey.closesAt, locale, { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
      ) : survey.state === "upcoming" ? (
        <p className="alert alert--info">{t("answer.upcoming")}</p>
      ) : (
        <p className="alert alert--info">
          {t("answer.deadline", {
            date: formatDate(survey.closesAt, locale, { dateStyle: "medium", timeStyle: "short" }),
          })}
          {" · "}
          {survey.anonymous ? t("answer.anonymous") : t("answer.editable")}
        </p>
      )}
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("surveys", errors._form))}
        </p>
      ) : null}
      {errorCount > 0 ? (
        <p className="alert alert--error" role="alert">
          {t("common:form.errorSummary")} {errorCount}
        </p>
      ) : null}
      {answered && survey.anonymous ? <p className="alert alert--ok">{t("answer.anonymousDone")}</p> : null}
      {answered && !survey.anonymous && !errors._form ? (
        <p className="alert alert--ok">{t("answer.answered")}</p>
      ) : null}
      {survey.anonymous && answered ? null : (
        <Form method="post" className="survey-form card" noValidate lang={i18n.language}>
          <fieldset disabled={!canAnswer} className="survey-fieldset">
            <input type="hidden" name="mode" value={answered ? "edit" : "new"} />
            {ITEMS.map((item) => (
              <ScaleQuestion
                key={item}
                name={item}
                label={t(`item.${item}`)}
                min={1}
                max={5}
                value={value(item)}
                error={errors[item]}
                required
              />
            ))}
            <ScaleQuestion
              name="recommend"
              label={t("item.recommend")}
              min={0}
              max={10}
              value={value("recommend")}
              error={errors.recommend}
              required
            />
            {extra.length > 0 ? <h2 className="survey-extra">{t("answer.extra")}</h2> : null}
            {extra.map((q) => (
              <ScaleQuestion
                key={q.key}
                name={`x_${q.key}`}
                label={pickLocalized(locale, q)}
                min={1}
                max={5}
                value={value(`x_${q.key}`)}
                error={errors[`x_${q.key}`]}
                required={q.required}
              />
            ))}
            <div className="field">
              <label htmlFor="f-comment">{t("item.comment")}</label>
              <p className="field-hint" id="f-comment-hint">
                {t("answer.commentHint", { max: COMMENT_MAX })}
              </p>
              <textarea
                id="f-comment"
                name="comment"
                rows={4}
                maxLength={COMMENT_MAX}
                defaultValue={value("comment") ?? ""}
                aria-invalid={errors.comment ? true : undefined}
                aria-describedby={errors.comment ? "f-comment-hint f-comment-error" : "f-comment-hint"}
              />
              {errors.comment ? (
                <p className="field-error" id="f-comment-error">
                  {t(messageKey("surveys", errors.comment))}
                </p>
              ) : null}
            </div>
            {canAnswer ? (
              <SubmitButton pendingLabel={t("answer.saving")}>
                {answered ? t("answer.update") : t("answer.submit")}
              </SubmitButton>
            ) : null}
          </fieldset>
        </Form>
      )}
    </div>
  );
}
