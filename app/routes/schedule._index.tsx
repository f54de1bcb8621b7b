import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { TableScroll } from "~/components/ui/TableScroll";
import { pickTitle } from "~/components/workflow/StateBadge";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { parseQuery } from "~/lib/query.server";
import { idSchema, localDaySchema, optionalField } from "~/lib/validation";
import css from "~/styles/workflow.css?url";
import { schedulePage } from "~/workflow/schedule-page.server";
import { addDays, formatSlot, localDay } from "~/workflow/time";

export const handle = { route: "/schedule" } satisfies RouteHandle;
export const meta = pageMeta("workflow:week.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

const scheduleQuery = z.object({ week: optionalField(localDaySchema), trainer: optionalField(idSchema) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const query = parseQuery(new URL(request.url), scheduleQuery);
  return schedulePage(user, query);
}

export default function Schedule() {
  const { t } = useTranslation("workflow");
  const locale = useLocale();
  const { monday, today, week, upcoming, awaiting, trainers, trainerId, seesAll } = useLoaderData<typeof loader>();
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const q = (w: string) => `?week=${w}${trainerId ? `&trainer=${trainerId}` : ""}`;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("week.title")}</h1>
        <nav className="row" aria-label={t("week.heading")}>
          <Link to={q(addDays(monday, -7))} rel="prev">
            ← {t("week.prev")}
          </Link>
          <Link to={q(addDays(monday, 7))} rel="next">
            {t("week.next")} →
          </Link>
        </nav>
      </div>
      {seesAll ? (
        <Form method="get" className="filters">
          <input type="hidden" name="week" value={monday} />
          <div className="field">
            <label htmlFor="s-trainer">{t("archive.trainer")}</label>
            <select id="s-trainer" name="trainer" defaultValue={trainerId ?? ""}>
              <option value="">{t("week.allTrainers")}</option>
              {trainers.map((tr) => (
                <option key={tr.id} value={tr.id}>
                  {tr.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t("list.filter")}
          </button>
        </Form>
      ) : null}
      {awaiting.length > 0 ? (
        <section className="card" aria-labelledby="await-h">
          <h2 id="await-h">{t("week.awaiting")}</h2>
          <SessionList rows={awaiting} />
        </section>
      ) : null}
      <section aria-labelledby="week-h">
        <h2 id="week-h">
          {t("week.heading")}: {formatSlot(`${monday}T04:00:00Z`, locale, { dateStyle: "medium" })}
        </h2>
        {week.length === 0 ? <p className="empty">{t("week.empty")}</p> : null}
        <div className="week">
          {days.map((d) => (
            <div key={d} className="week__day" data-today={d === today ? "true" : undefined}>
              <h3>{formatSlot(`${d}T04:00:00Z`, locale, { weekday: "short", month: "numeric", day: "numeric" })}</h3>
              {week
                .filter((s) => localDay(s.startsAt) === d)
                .map((s) => (
                  <Link key={s.id} to={`/schedule/${s.id}`} className="week__item" data-status={s.status}>
                    {formatSlot(s.startsAt, locale, { timeStyle: "short" })} {pickTitle(s.title, locale)}
                    <br />
                    <span className="muted">
                      {s.room || t("detail.online")} · {t("week.headcount", { count: s._count.attendees })}
                      {seesAll ? ` · ${s.trainer.name}` : ""}
                    </span>
                  </Link>
                ))}
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="up-h">
        <h2 id="up-h">{t("week.upcoming")}</h2>
        {upcoming.length === 0 ? <p className="empty">{t("week.upcomingEmpty")}</p> : <SessionList rows={upcoming} />}
      </section>
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function SessionList({ rows }: { rows: Row[] }) {
  const { t } = useTranslation("workflow");
  const locale = useLocale();
  return (
    <TableScroll>
      <table className="table">
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td>{formatSlot(s.startsAt, locale, { dateStyle: "full", timeStyle: "short" })}</td>
              <td>
                <Link to={`/schedule/${s.id}`}>{pickTitle(s.title, locale)}</Link>
              </td>
              <td>{s.trainer.name}</td>
              <td>{s.room || t("detail.online")}</td>
              <td>{t("week.headcount", { count: s._count.attendees })}</td>
              <td>
                <a href={`/calendar/${s.id}.ics`} download>
                  {t("detail.ics")}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
