import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ErrorAlert } from "~/components/exams/NoScript";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { invalid } from "~/lib/errors";
import { ensure, formAction, orErrorPage } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { idSchema } from "~/lib/validation";
import { roundForPerson, submitAnswer } from "~/needs/answer.server";
import { topicLabel } from "~/needs/labels";
import { MAX_CHOICES } from "~/needs/scoring";

export const handle = { route: "/needs/:id" } satisfies RouteHandle;
export const meta = pageMeta("needs:list.title");

function roundId(params: { id?: string }) {
  const id = idSchema.safeParse(params.id);
  ensure(id.success, invalid());
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = roundId(params);
  return orErrorPage(() => roundForPerson(user, id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = roundId(params);
  const form = await readForm(request);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  return formAction(async () => {
    await submitAnswer(user, id, form.entries());
    return redirectWithToast(`/needs/${id}`, { key: "needs:answer.saved" });
  }, values);
}

const PLACES = Array.from({ length: MAX_CHOICES }, (_, i) => i + 1);

export default function AnswerRound() {
  const { t } = useTranslation(["needs", "common"]);
  const locale = useLocale();
  const { round, invited, answered, choices, staff } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const sent: Record<string, unknown> = a?.values ?? {};
  const label = (id: number) => {
    const topic = round.topics.find((x) => x.id === id);
    return topic ? topicLabel(locale, topic) : "—";
  };
  return (
    <div className="stack">
      <p>
        <Link to="/needs">← {t("list.title")}</Link>
        {staff ? (
          <>
            {" · "}
            <Link to={`/needs/${round.id}/results`}>{t("link.results")}</Link>
          </>
        ) : null}
      </p>
      <h1>{t("answer.title", { year: round.year })}</h1>
      {round.open ? (
        <p className="muted">{t("answer.closes", { at: formatDateTime(round.endsAt, locale) })}</p>
      ) : (
        <p className="alert alert--info" role="status">
          {t("answer.closedAt", { at: formatDateTime(round.endsAt, locale) })}
        </p>
      )}
      {!invited ? (
        <>
          <p className="alert alert--info">{t("answer.staffOnly")}</p>
          <ul>
            {round.topics.map((topic) => (
              <li key={topic.id}>{topicLabel(locale, topic)}</li>
            ))}
          </ul>
        </>
      ) : round.open ? (
        <Form method="post" className="form card stack" aria-labelledby="answer-h">
          <h2 id="answer-h">{answered ? t("mine.change") : t("mine.answer")}</h2>
          <p className="muted">{t("answer.intro")}</p>
          <ErrorAlert error={a?.error} params={a?.params} />
          {PLACES.map((place) => {
            const name = `choice${place}`;
            const typed = sent[name];
            const initial = typeof typed === "string" ? typed : choices[place - 1] ? String(choices[place - 1]) : "";
            return (
              <div className="field" key={`${place}-${initial}`}>
                <label htmlFor={`f-${name}`}>{t(`answer.choice${place}` as "answer.choice1")}</label>
                <select id={`f-${name}`} name={name} defaultValue={initial} required={place === 1}>
                  <option value="">{t("answer.none")}</option>
                  {round.topics.map((topic) => (
                    <option key={topic.id} value={topic.id}>
                      {topicLabel(locale, topic)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("answer.submit")}</SubmitButton>
        </Form>
      ) : (
        <section className="card" aria-labelledby="mine-h">
          <h2 id="mine-h">{t("answer.yours")}</h2>
          {choices.length ? (
            <ol>
              {choices.map((id) => (
                <li key={id}>{label(id)}</li>
              ))}
            </ol>
          ) : (
            <p>{t("answer.notAnswered")}</p>
          )}
        </section>
      )}
    </div>
  );
}
