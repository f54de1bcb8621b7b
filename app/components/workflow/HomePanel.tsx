import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/lib/i18n/use-locale";
import { STATES } from "~/workflow/state-machine";
import { formatSlot } from "~/workflow/time";
import { pickTitle, stateBadge } from "./StateBadge";

type Titled = { titleZh: string; titleEn: string } | null;
interface Panel {
  lead: boolean;
  requests: { id: number; state: string; headcount: number; course: Titled; series: Titled }[] | null;
  counts: Record<string, number> | null;
  upcoming: { id: number; startsAt: string | Date; room: string; title: { titleZh: string; titleEn: string } }[] | null;
}

export function WorkflowHomePanel({ panel }: { panel: Panel }) {
  const { t } = useTranslation("workflow");
  const locale = useLocale();
  return (
    <>
      {panel.counts ? (
        <section className="card" aria-labelledby="wf-queue-h">
          <h2 id="wf-queue-h">{t("home.queue")}</h2>
          <ul className="row" style={{ listStyle: "none", padding: 0 }}>
            {STATES.filter((s) => ["submitted", "approved", "scheduled", "delivered"].includes(s)).map((s) => (
              <li key={s}>
                <Link to={`/requests?state=${s}`}>
                  {t(`state.${s}`)}: <strong>{panel.counts![s] ?? 0}</strong>
                </Link>
              </li>
            ))}
          </ul>
          <Link to="/requests">{t("home.openQueue")}</Link>
        </section>
      ) : null}
      {panel.requests ? (
        <section className="card" aria-labelledby="wf-team-h">
          <h2 id="wf-team-h">{panel.lead ? t("home.team") : t("list.mine")}</h2>
          {panel.requests.length === 0 ? <p className="muted">{t("home.teamEmpty")}</p> : null}
          <ul>
            {panel.requests.map((r) => (
              <li key={r.id}>
                <Link to={`/requests/${r.id}`}>
                  #{r.id} {pickTitle(r.course ?? r.series, locale)}
                </Link>{" "}
                {stateBadge(t, r.state)}
              </li>
            ))}
          </ul>
          <Link to="/requests/new" className="button">
            {t("list.new")}
          </Link>
        </section>
      ) : null}
      {panel.upcoming ? (
        <section className="card" aria-labelledby="wf-up-h">
          <h2 id="wf-up-h">{t("home.upcoming")}</h2>
          {panel.upcoming.length === 0 ? <p className="muted">{t("home.upcomingEmpty")}</p> : null}
          <ul>
            {panel.upcoming.map((s) => (
              <li key={s.id}>
                <Link to={`/schedule/${s.id}`}>
                  {formatSlot(s.startsAt, locale)} · {pickTitle(s.title, locale)}
                </Link>{" "}
                {s.room ? <span className="muted">· {s.room}</span> : null}
              </li>
            ))}
          </ul>
          <Link to="/schedule">{t("home.openSchedule")}</Link>
        </section>
      ) : null}
    </>
  );
}
