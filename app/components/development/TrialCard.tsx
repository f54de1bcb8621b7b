// One trial lecture on its project's trial page: when and who, the panel's scores next to the
// audience's survey figures, and the judge's score form or the chair's decision form.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/ui/TableScroll";
import { CRITERIA, SCORE_MAX, SCORE_MIN } from "~/development/trial";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";

interface Trial {
  id: number;
  startsAt: string | Date;
  room: string;
  status: string;
  version: number;
  newest: boolean;
  trialVersionId: number | null;
  trainer: { id: number; name: string };
  _count: { attendees: number };
  panel: { perCriterion: Record<string, number | null>; mean: number | null };
  scores: ({ id: number; comment: string; mean: number; judge: { name: string } } & Record<string, unknown>)[];
  survey: {
    responses: number;
    invited: number;
    satisfactionRate: number | null;
    meanScore: number | null;
    suppressed: boolean;
  } | null;
  may: { score: boolean; decide: boolean };
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(2));

export function TrialCard({ trial }: { trial: Trial }) {
  const { t } = useTranslation(["trial", "common"]);
  const locale = useLocale();
  return (
    <section className="card stack" aria-labelledby={`trial-${trial.id}`} data-testid="trial">
      <h2 id={`trial-${trial.id}`}>
        {t("trial.heading", { version: trial.version })}{" "}
        {trial.newest ? null : <span className="badge">{t("trial.older")}</span>}
        {trial.status === "cancelled" ? <span className="badge">{t("trial.cancelled")}</span> : null}
      </h2>
      <p>
        {t("trial.when")}: {formatDateTime(String(trial.startsAt), locale)} · {t("trial.trainer")}: {trial.trainer.name}{" "}
        · {t("trial.room")}: {trial.room} · {t("trial.audience")}: {trial._count.attendees} ·{" "}
        <a href={`/calendar/${trial.id}.ics`} download>
          {t("trial.calendar")}
        </a>
      </p>
      <div className="grid-2">
        <div>
          <h3>{t("scores.title")}</h3>
          {trial.scores.length === 0 ? (
            <p className="empty">{t("scores.none")}</p>
          ) : (
            <TableScroll>
              <table className="table" data-testid="trial-scores">
                <thead>
                  <tr>
                    <th scope="col">{t("scores.judge")}</th>
                    {CRITERIA.map((c) => (
                      <th scope="col" key={c}>
                        {t(`criterion.${c}`)}
                      </th>
                    ))}
                    <th scope="col">{t("scores.mean")}</th>
                    <th scope="col">{t("scores.comment")}</th>
                  </tr>
                </thead>
                <tbody>
                  {trial.scores.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.judge.name}</th>
                      {CRITERIA.map((c) => (
                        <td key={c}>{String(s[c])}</td>
                      ))}
                      <td>{fmt(s.mean)}</td>
                      <td>{s.comment}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("scores.panelMean")}</th>
                    {CRITERIA.map((c) => (
                      <td key={c}>{fmt(trial.panel.perCriterion[c])}</td>
                    ))}
                    <td data-testid="panel-mean">{fmt(trial.panel.mean)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
        </div>
        <div>
          <h3>{t("survey.title")}</h3>
          {!trial.survey ? (
            <p className="empty">{t("survey.none")}</p>
          ) : (
            <dl data-testid="trial-survey">
              <dt>{t("survey.responses", { responses: trial.survey.responses, invited: trial.survey.invited })}</dt>
              <dd />
              {trial.survey.suppressed ? (
                <dd>{t("survey.withheld")}</dd>
              ) : (
                <>
                  <dt>{t("survey.satisfaction")}</dt>
                  <dd>
                    {trial.survey.satisfactionRate === null
                      ? "—"
                      : `${Math.round(trial.survey.satisfactionRate * 100)}%`}
                  </dd>
                  <dt>{t("survey.mean")}</dt>
                  <dd>{fmt(trial.survey.meanScore)}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      </div>
      {trial.may.score ? (
        <Form method="post" className="stack">
          <h3>{t("score.title")}</h3>
          <input type="hidden" name="intent" value="score" />
          <input type="hidden" name="sessionId" value={trial.id} />
          {CRITERIA.map((c) => (
            <label key={c}>
              {t(`criterion.${c}`)}
              <input name={c} type="number" min={SCORE_MIN} max={SCORE_MAX} step={1} required />
            </label>
          ))}
          <label>
            {t("score.comment")}
            <textarea name="comment" maxLength={2000} />
          </label>
          <button type="submit" className="button">
            {t("score.submit")}
          </button>
        </Form>
      ) : null}
      {trial.may.decide ? (
        <Form method="post" className="stack">
          <h3>{t("decide.title")}</h3>
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="sessionId" value={trial.id} />
          <input type="hidden" name="versionId" value={trial.trialVersionId ?? ""} />
          <p>{t("decide.version", { version: trial.version })}</p>
          <label>
            {t("decide.decision")}
            <select name="decision" required>
              <option value="accept">{t("decide.accept")}</option>
              <option value="revise">{t("decide.revise")}</option>
              <option value="reject">{t("decide.reject")}</option>
            </select>
          </label>
          <label>
            {t("decide.reason")}
            <textarea name="reason" maxLength={2000} />
          </label>
          <button type="submit" className="button">
            {t("decide.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
