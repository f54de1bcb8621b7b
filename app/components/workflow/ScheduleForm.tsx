import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { messageKey } from "~/lib/i18n/keys";
import { useLocale } from "~/lib/i18n/use-locale";
import { formatSlot } from "~/workflow/time";
import { pickTitle } from "./StateBadge";

interface Panel {
  trainers: {
    id: number;
    name: string;
    /** Qualified for the course (decision 036); others need a reason. */
    listed: boolean;
    sessions: {
      id: number;
      startsAt: string | Date;
      endsAt: string | Date;
      room: string;
      course: { titleZh: string; titleEn: string } | null;
    }[];
  }[];
  rooms: { id: number; name: string; capacity: number }[];
  day: string;
  defaultDate: string;
  defaultStart: string;
  minutes: number;
  separate: boolean;
  /** Roster proposals for `proposalTrainerId` / `proposalRoomId` (decision 044). */
  proposals: {
    value: string;
    startsAt: string | Date;
    endsAt: string | Date;
    flagged: { name: string; reason: "rest" | "otherShift" | "noRoster" }[];
  }[];
  proposalTrainerId: string;
  proposalRoomId: string;
}

/** HR's scheduling form, with each qualified trainer's sessions on the day being looked at. */
export function ScheduleForm({
  panel,
  version,
  headcount,
  errors,
  values,
}: {
  panel: Panel;
  version: number;
  headcount: number;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const { t } = useTranslation(["workflow", "common"]);
  const locale = useLocale();
  const [picked, setPicked] = useState(values.trainerId ?? panel.proposalTrainerId);
  const trainerDefault = values.trainerId ?? panel.proposalTrainerId;
  const roomDefault = values.roomId ?? panel.proposalRoomId;
  // Typing stays the default, so a time typed is never silently replaced by a proposal.
  const slotDefault = values.slot ?? "";
  const unlisted = panel.trainers.filter((tr) => !tr.listed);
  const groups = [
    [t("schedule.listedGroup"), panel.trainers.filter((tr) => tr.listed)],
    [t("schedule.otherGroup"), unlisted],
  ] as const;
  return (
    <section className="card" aria-labelledby="sched-h">
      <h2 id="sched-h">{t("schedule.heading")}</h2>
      <Form method="get" className="row" aria-labelledby="prop-h">
        <input type="hidden" name="day" value={panel.day} />
        <div className="field">
          <label htmlFor="p-trainerId">{t("schedule.proposalsFor")}</label>
          <select id="p-trainerId" name="trainerId" defaultValue={panel.proposalTrainerId}>
            {panel.trainers.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="p-roomId">{t("schedule.proposalsVenue")}</label>
          <select id="p-roomId" name="roomId" defaultValue={panel.proposalRoomId}>
            <option value="">{t("schedule.noRoom")}</option>
            {panel.rooms.map((r) => (
              <option key={r.id} value={r.id} disabled={r.capacity < headcount}>
                {t("schedule.roomOption", { name: r.name, capacity: r.capacity })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("schedule.refresh")}
        </button>
      </Form>
      <div className="schedule-grid">
        <Form method="post" className="form stack">
          <fieldset className="field" data-testid="proposals">
            <legend id="prop-h">{t("schedule.proposals")}</legend>
            <p className="field-hint">{t("schedule.proposalsHint")}</p>
            {panel.proposals.length === 0 ? <p className="alert alert--warn">{t("schedule.noProposals")}</p> : null}
            {panel.proposals.map((p) => (
              <label key={p.value} className="row">
                <input type="radio" name="slot" value={p.value} defaultChecked={slotDefault === p.value} />
                <span>
                  {formatSlot(p.startsAt, locale, { dateStyle: "full", timeStyle: "short" })}–
                  {formatSlot(p.endsAt, locale, { timeStyle: "short" })} ·{" "}
                  {p.flagged.length === 0 ? (
                    <span className="muted">{t("schedule.clean")}</span>
                  ) : (
                    <strong>
                      {t("schedule.flagged", {
                        names: p.flagged
                          .map((f) => t(messageKey("workflow", `flag.${f.reason}`), { name: f.name }))
                          .join(", "),
                      })}
                    </strong>
                  )}
                </span>
              </label>
            ))}
            <label className="row">
              <input type="radio" name="slot" value="" defaultChecked={slotDefault === ""} />
              <span>{t("schedule.byHand")}</span>
            </label>
          </fieldset>
          <input type="hidden" name="intent" value="schedule" />
          <input type="hidden" name="version" value={version} />
          <div className="field">
            <label htmlFor="f-trainerId">{t("schedule.trainer")}</label>
            {panel.trainers.length === 0 ? <p className="alert alert--warn">{t("schedule.noTrainer")}</p> : null}
            <select
              id="f-trainerId"
              name="trainerId"
              defaultValue={trainerDefault}
              onChange={(e) => setPicked(e.currentTarget.value)}
              aria-invalid={errors.trainerId ? true : undefined}
              aria-describedby={errors.trainerId ? "e-trainerId" : undefined}
            >
              <option value="">—</option>
              {groups.map(([label, list]) =>
                list.length ? (
                  <optgroup key={label} label={label}>
                    {list.map((tr) => (
                      <option key={tr.id} value={tr.id}>
                        {tr.name}
                      </option>
                    ))}
                  </optgroup>
                ) : null,
              )}
            </select>
            <FieldError id="e-trainerId" error={errors.trainerId} />
          </div>
          {/* Always in the form (it works without JavaScript); the server requires it for an
              unlisted trainer, and with JavaScript the browser does too. */}
          <Field
            name="trainerReason"
            label={t("schedule.trainerReason")}
            hint={t("schedule.trainerReasonHint")}
            defaultValue={values.trainerReason ?? ""}
            error={errors.trainerReason}
            maxLength={1000}
            required={unlisted.some((tr) => String(tr.id) === picked)}
          />
          <Field
            name="date"
            type="date"
            label={t("schedule.date")}
            defaultValue={values.date ?? panel.defaultDate}
            error={errors.date}
            required={panel.proposals.length === 0}
          />
          <Field
            name="start"
            type="time"
            label={t("schedule.start")}
            defaultValue={values.start ?? panel.defaultStart}
            error={errors.start}
            required={panel.proposals.length === 0}
          />
          {panel.separate ? (
            <p className="field-hint">{t("schedule.separateHint")}</p>
          ) : (
            <Field
              name="end"
              type="time"
              label={t("schedule.end")}
              hint={t("schedule.endHint", { minutes: panel.minutes })}
              defaultValue={values.end ?? ""}
              error={errors.end}
            />
          )}
          <div className="field">
            <label htmlFor="f-roomId">{t("schedule.room")}</label>
            <select
              id="f-roomId"
              name="roomId"
              defaultValue={roomDefault}
              aria-invalid={errors.roomId ? true : undefined}
              aria-describedby={errors.roomId ? "e-roomId" : undefined}
            >
              <option value="">{t("schedule.noRoom")}</option>
              {panel.rooms.map((r) => (
                <option key={r.id} value={r.id} disabled={r.capacity < headcount}>
                  {t("schedule.roomOption", { name: r.name, capacity: r.capacity })}
                </option>
              ))}
            </select>
            <FieldError id="e-roomId" error={errors.roomId} />
          </div>
          <Field
            name="onlineLink"
            type="url"
            label={t("schedule.online")}
            placeholder="https://"
            defaultValue={values.onlineLink ?? ""}
            error={errors.onlineLink}
          />
          <div>
            <SubmitButton intent="schedule" pendingLabel={t("common:form.saving")}>
              {t("schedule.submit")}
            </SubmitButton>
          </div>
        </Form>
        <div>
          <h3>{t("schedule.agenda")}</h3>
          <Form method="get" className="row">
            <div className="field">
              <label htmlFor="f-day">{t("schedule.agendaDay")}</label>
              <input id="f-day" type="date" name="day" defaultValue={panel.day} />
            </div>
            <button type="submit" className="secondary">
              {t("schedule.show")}
            </button>
          </Form>
          <p className="small muted">{formatSlot(`${panel.day}T04:00:00Z`, locale, { dateStyle: "full" })}</p>
          <ul className="agenda" data-testid="agenda">
            {panel.trainers.map((tr) => (
              <li key={tr.id}>
                <strong>{tr.name}</strong>
                {tr.sessions.length === 0 ? (
                  <span className="muted"> — {t("schedule.free")}</span>
                ) : (
                  <ul>
                    {tr.sessions.map((s) => (
                      <li key={s.id}>
                        {formatSlot(s.startsAt, locale, { timeStyle: "short" })}–
                        {formatSlot(s.endsAt, locale, { timeStyle: "short" })} {pickTitle(s.course, locale)}{" "}
                        {s.room ? `· ${s.room}` : ""}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
