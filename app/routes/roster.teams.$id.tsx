import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { canViewTeamRoster, editsRoster } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { addLocalDays, isLocalDay, localDay, weekStart } from "~/lib/clock";
import { forbidden, notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { idSchema, parseForm } from "~/lib/validation";
import { ledTeamIds, saveRule, teamWeek } from "~/roster/roster.server";
import { ruleSchema } from "~/roster/schemas";
import { isoWeekday } from "~/roster/slots";
import { formatClock } from "~/roster/time";

export const handle = { route: "/roster/teams/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data }) => data?.week.team.name);

async function teamFor(request: Request, params: { id?: string }) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  ensure(canViewTeamRoster(user, (await ledTeamIds(user.id)).includes(id.data)), forbidden());
  return { user, teamId: id.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, teamId } = await teamFor(request, params);
  const asked = new URL(request.url).searchParams.get("week") ?? "";
  const monday = weekStart(isLocalDay(asked) ? asked : localDay(new Date()));
  const week = await teamWeek(teamId, monday);
  return { week, monday, edits: editsRoster(user) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, teamId } = await teamFor(request, params);
  ensure(editsRoster(user), forbidden());
  const form = await readForm(request);
  const parsed = parseForm(ruleSchema, form, ["weekdays"]);
  if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 });
  const input = parsed.data;
  return formAction(async () => {
    await saveRule(user.id, teamId, {
      weekdays: [...new Set(input.weekdays)].sort((a, b) => a - b),
      morningCode: input.morningCode,
      beforeShift: Boolean(input.beforeShift),
      afterShift: Boolean(input.afterShift),
    });
    const back = new URL(request.url).searchParams.get("week");
    const query = back && isLocalDay(back) ? `?week=${back}` : "";
    return redirectWithToast(`/roster/teams/${teamId}${query}`, { key: "roster:rule.saved", params: { team: teamId } });
  });
}

export default function TeamWeek() {
  const { t } = useTranslation(["roster", "common"]);
  const { week, monday, edits } = useLoaderData<typeof loader>();
  const { team, days, rows, slots, rule, codes } = week;
  const weekdays = rule ? rule.weekdays.split(",").map(Number) : [1, 2, 3, 4, 5, 6, 7];
  return (
    <div className="stack">
      <p>
        <Link to="/roster">← {t("title")}</Link>
      </p>
      <h1>{t("week.title", { team: team.name })}</h1>
      <nav className="row" aria-label={t("week.range", { from: days[0], to: days[6] })}>
        <Link to={`?week=${addLocalDays(monday, -7)}`}>{t("week.prev")}</Link>{" "}
        <strong>{t("week.range", { from: days[0], to: days[6] })}</strong>{" "}
        <Link to={`?week=${addLocalDays(monday, 7)}`}>{t("week.next")}</Link>
      </nav>
      {rows.length ? (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("week.member")}</th>
                {days.map((d) => (
                  <th scope="col" key={d}>
                    {t(messageKey("roster", `weekday.${isoWeekday(d)}`))} {d.slice(5)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  {m.days.map((shifts, i) => (
                    <td key={days[i]}>
                      {shifts.length
                        ? shifts.map((s, j) => (
                            <span key={j} className={s.rest ? "muted" : undefined}>
                              {j > 0 ? " / " : ""}
                              {s.rest
                                ? s.code || t("week.rest")
                                : `${s.code ? `${s.code} ` : ""}${formatClock(s.startMin)}–${formatClock(s.endMin)}`}
                            </span>
                          ))
                        : t("week.none")}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("week.empty")}</p>
      )}
      <section className="stack" aria-labelledby="slots-h">
        <h2 id="slots-h">{t("week.slots")}</h2>
        {rule ? null : <p className="muted small">{t("rule.default")}</p>}
        {slots.length ? (
          <ul>
            {slots.map((s) => (
              <li key={`${s.day}-${s.kind}-${s.startMin}`}>
                {t("week.slot", {
                  day: `${t(messageKey("roster", `weekday.${isoWeekday(s.day)}`))} ${s.day}`,
                  start: formatClock(s.startMin),
                  end: formatClock(s.endMin),
                  kind: t(messageKey("roster", `slot.${s.kind}`)),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("week.noSlots")}</p>
        )}
      </section>
      {edits ? (
        <Form method="post" className="form card" aria-labelledby="rule-h">
          <h2 id="rule-h">{t("rule.title")}</h2>
          <fieldset>
            <legend>{t("rule.weekdays")}</legend>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <label key={d} className="checkbox">
                <input type="checkbox" name="weekdays" value={d} defaultChecked={weekdays.includes(d)} />{" "}
                {t(messageKey("roster", `weekday.${d}`))}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="morningCode">{t("rule.morning")}</label>
            <select id="morningCode" name="morningCode" defaultValue={rule?.morningCode ?? ""}>
              <option value="">{t("rule.noMorning")}</option>
              {codes
                .filter((c) => !c.rest)
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} {formatClock(c.startMin)}–{formatClock(c.endMin)}
                  </option>
                ))}
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="beforeShift" defaultChecked={rule?.beforeShift ?? false} /> {t("rule.before")}
          </label>
          <label className="checkbox">
            <input type="checkbox" name="afterShift" defaultChecked={rule?.afterShift ?? false} /> {t("rule.after")}
          </label>
          <SubmitButton pendingLabel={t("common:form.saving")}>{t("rule.save")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
