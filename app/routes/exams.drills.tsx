import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { competencyModel } from "~/competency/model.server";
import { ErrorAlert } from "~/components/exams/NoScript";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { drillFormSchema, sittingFormSchema } from "~/exams/schemas";
import { INDICATOR_IDS, rubricOf } from "~/exams/scoring/rubric";
import {
  drillPassMark,
  listTrainees,
  recentDrills,
  recentSittings,
  recordSitting,
  scenarioCards,
  scoreDrill,
  sittingCard,
  sittingToScore,
} from "~/exams/trainer.server";
import { localDay } from "~/lib/clock";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime, formatNumber } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { idSchema, parseForm } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/drills" } satisfies RouteHandle;
export const meta = pageMeta("exams:drill.title");
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const trainer = await requireRouteAccess(request, handle);
  // The sitting to score is chosen first (?sitting=): its card decides which indicators are shown.
  const chosenId = idSchema.safeParse(new URL(request.url).searchParams.get("sitting") ?? "");
  const [trainees, recent, minScore, sittings, cards, chosen, model] = await Promise.all([
    listTrainees(),
    recentDrills(),
    drillPassMark(),
    recentSittings(trainer.id),
    scenarioCards(),
    chosenId.success ? sittingToScore(trainer.id, chosenId.data) : null,
    competencyModel(),
  ]);
  return {
    trainees: trainees.filter((p) => p.id !== trainer.id),
    recent,
    minScore,
    sittings: sittings.map(({ card, ...s }) => ({ ...s, title: sittingCard(card)?.title ?? null })),
    cards: cards.map((c) => ({ id: c.id, title: c.title })),
    chosen,
    rubric: rubricOf(model),
    today: localDay(new Date()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const trainer = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  if (form.get("intent") === "sitting") {
    const sitting = parseForm(sittingFormSchema, form, ["traineeIds"]);
    if (!sitting.success)
      return data({ errors: sitting.errors as Record<string, string>, error: null }, { status: 400 });
    return formAction(async () => {
      const id = await recordSitting(trainer.id, sitting.data);
      return redirectWithToast(`/exams/drills?sitting=${id}`, { key: "exams:sitting.saved" });
    });
  }
  const parsed = parseForm(drillFormSchema, form);
  const scores: Record<string, number> = {};
  for (const id of INDICATOR_IDS) {
    const raw = form.get(`s.${id}`);
    if (typeof raw === "string" && raw.trim() !== "") scores[id] = Number(raw);
  }
  if (!parsed.success) return data({ errors: parsed.errors as Record<string, string>, error: null }, { status: 400 });
  return formAction(async () => {
    const out = await scoreDrill(trainer.id, { ...parsed.data, scores });
    return redirectWithToast(`/exams/results/${out.resultId}`, {
      key: "exams:drill.saved",
      params: { score: out.weighted },
    });
  });
}

export default function Drills() {
  const { t } = useTranslation(["exams", "common"]);
  const locale = useLocale();
  const { trainees, recent, minScore, sittings, cards, chosen, rubric, today } = useLoaderData<typeof loader>();
  const scored = chosen ? rubric.filter((r) => chosen.indicators.includes(r.id)) : [];
  const a = useActionData<typeof action>();
  const errors: Record<string, string> = a?.errors ?? {};
  return (
    <div className="stack">
      <h1>{t("drill.title")}</h1>
      <p className="muted">{t("drill.intro", { min: minScore })}</p>
      <ErrorAlert error={a?.error} />
      <Form method="post" className="card stack" aria-labelledby="sitting-h">
        <h2 id="sitting-h">{t("sitting.title")}</h2>
        <p className="muted small">{t("sitting.intro")}</p>
        <input type="hidden" name="intent" value="sitting" />
        <div className="field">
          <label htmlFor="day">{t("sitting.day")}</label>
          <input id="day" name="day" type="date" defaultValue={today} required />
          <FieldError error={errors.day} />
        </div>
        <div className="field">
          <label htmlFor="scenario">{t("drill.card")}</label>
          <select id="scenario" name="scenario" required aria-invalid={errors.scenario ? true : undefined}>
            <option value="">{t("drill.pickCard")}</option>
            {cards.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title[locale]}
              </option>
            ))}
          </select>
          <FieldError error={errors.scenario} />
        </div>
        <fieldset className="field">
          <legend>{t("sitting.present")}</legend>
          {trainees.map((p) => (
            <label key={p.id} className="row">
              <input type="checkbox" name="traineeIds" value={p.id} /> {p.name} · {p.employeeNo}
              {p.team ? ` · ${p.team.name}` : ""}
            </label>
          ))}
          <FieldError error={errors.traineeIds} />
        </fieldset>
        <SubmitButton pendingLabel={t("common:form.saving")}>{t("sitting.save")}</SubmitButton>
      </Form>
      <section className="card stack" aria-labelledby="score-h">
        <h2 id="score-h">{t("drill.scoreTitle")}</h2>
        <Form method="get" className="row">
          <div className="field">
            <label htmlFor="sitting">{t("sitting.pick")}</label>
            <select id="sitting" name="sitting" required defaultValue={chosen?.id ?? ""}>
              <option value="">{t("drill.pick")}</option>
              {sittings.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.day} · {s.title ? s.title[locale] : s.scenario}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("drill.choose")}</button>
        </Form>
        {chosen ? (
          <Form method="post" className="stack">
            <input type="hidden" name="sittingId" value={chosen.id} />
            <FieldError error={errors.sittingId} />
            {chosen.card ? (
              <dl className="exams-card" data-testid="scenario-card">
                <dt>{t("drill.card")}</dt>
                <dd>{chosen.card.title[locale]}</dd>
                <dt>{t("drill.customer")}</dt>
                <dd>{chosen.card.customer}</dd>
                <dt>{t("drill.situation")}</dt>
                <dd>{chosen.card.situation}</dd>
                <dt>{t("drill.goals")}</dt>
                <dd>
                  <ul>
                    {chosen.card.goals.map((g) => (
                      <li key={g}>{g}</li>
                    ))}
                  </ul>
                </dd>
              </dl>
            ) : (
              <p className="muted small">{t("drill.allIndicators")}</p>
            )}
            <div className="field">
              <label htmlFor="traineeId">{t("drill.trainee")}</label>
              <select id="traineeId" name="traineeId" required aria-invalid={errors.traineeId ? true : undefined}>
                <option value="">{t("drill.pick")}</option>
                {chosen.attendees.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} · {p.employeeNo}
                  </option>
                ))}
              </select>
              <FieldError error={errors.traineeId} />
            </div>
            <TableScroll>
              <table className="table exams-rubric">
                <caption className="visually-hidden">{t("drill.cardIndicators")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("drill.indicator")}</th>
                    <th scope="col">{t("drill.weight")}</th>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <th key={n} scope="col">
                        {n}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {scored.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        {t(`ind.${r.id}`)}
                        <FieldError error={errors[`s.${r.id}`]} />
                      </th>
                      <td>{r.weight}%</td>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <td key={n}>
                          <input
                            type="radio"
                            name={`s.${r.id}`}
                            value={n}
                            aria-label={t("drill.scoreFor", { name: t(`ind.${r.id}`), n })}
                            required
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <div className="field">
              <label htmlFor="notes">{t("drill.notes")}</label>
              <textarea id="notes" name="notes" rows={4} maxLength={4000} />
            </div>
            <SubmitButton pendingLabel={t("common:form.saving")}>{t("drill.save")}</SubmitButton>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{t("drill.recent")}</h2>
        {recent.length === 0 ? (
          <p className="empty">{t("drill.none")}</p>
        ) : (
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th>{t("drill.trainee")}</th>
                  <th>{t("drill.score")}</th>
                  <th>{t("drill.trainer")}</th>
                  <th>{t("drill.when")}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/exams/results/${d.result.id}`}>{d.result.user.name}</Link>
                    </td>
                    <td>
                      {formatNumber(d.result.score, locale, { maximumFractionDigits: 2 })}{" "}
                      <span className={`badge ${d.result.passed ? "badge--ok" : "badge--warn"}`}>
                        {d.result.passed ? t("result.passed") : t("result.failed")}
                      </span>
                    </td>
                    <td>{d.trainer.name}</td>
                    <td>{formatDateTime(d.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
