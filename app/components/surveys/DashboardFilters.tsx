import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";

interface Option {
  id: number;
  name?: string;
  titleZh?: string;
  titleEn?: string;
}

interface Props {
  from: string;
  to: string;
  seriesId?: number;
  area?: string;
  teamId?: number;
  trainerId?: number;
  sessionId?: number;
  options: { series: Option[]; teams: Option[]; trainers: Option[]; areas: string[]; everything: boolean };
}

/** A GET form: applying it changes the URL, which is the whole state of the view. */
export function DashboardFilters({ from, to, seriesId, area, teamId, trainerId, sessionId, options }: Props) {
  const { t } = useTranslation("surveys");
  const locale = useLocale();
  const label = (o: Option) => o.name ?? (o.titleZh || o.titleEn ? localTitle(locale, o) : undefined) ?? String(o.id);
  return (
    <Form method="get" className="card dash-filters" aria-label={t("dash.filters")}>
      {sessionId ? <input type="hidden" name="session" value={sessionId} /> : null}
      <div className="field">
        <label htmlFor="f-from">{t("dash.from")}</label>
        <input id="f-from" type="date" name="from" defaultValue={from} />
      </div>
      <div className="field">
        <label htmlFor="f-to">{t("dash.to")}</label>
        <input id="f-to" type="date" name="to" defaultValue={to} />
      </div>
      <Select
        id="f-series"
        name="series"
        label={t("dash.series")}
        value={seriesId}
        all={t("dash.all")}
        options={options.series.map((o) => [o.id, label(o)])}
      />
      <Select
        id="f-area"
        name="area"
        label={t("dash.area")}
        value={area}
        all={t("dash.all")}
        options={options.areas.map((a) => [a, t(messageKey("surveys", `area.${a}`))])}
      />
      <Select
        id="f-team"
        name="team"
        label={t("dash.team")}
        value={teamId}
        all={t("dash.all")}
        options={options.teams.map((o) => [o.id, label(o)])}
      />
      {options.everything ? (
        <Select
          id="f-trainer"
          name="trainer"
          label={t("dash.trainer")}
          value={trainerId}
          all={t("dash.all")}
          options={options.trainers.map((o) => [o.id, label(o)])}
        />
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {t("dash.apply")}
        </button>
        <Link to="/dashboard" className="button secondary">
          {t("dash.reset")}
        </Link>
      </div>
    </Form>
  );
}

function Select({
  id,
  name,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value?: string | number;
  all: string;
  options: [string | number, string][];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value === undefined ? "" : String(value)}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
