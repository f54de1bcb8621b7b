import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { useLocale } from "~/lib/i18n/use-locale";
import { formatSlot, toLocalInput } from "~/workflow/time";

interface Props {
  panel: {
    may: boolean;
    sequence: number;
    cancelReason: string;
    cancelledAt: string | Date | null;
    rooms: { id: number; name: string; capacity: number }[];
    history: { id: number; kind: "move" | "cancel"; actor: string; from: string; to: string; reason: string }[];
  };
  session: { startsAt: string | Date; endsAt: string | Date; room: string; onlineLink: string };
  /** The last post's field errors and values, when it was one of these two forms. */
  intent?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** HR's move and cancel forms on the session page, the cancellation notice and the history. */
export function ReschedulePanel({ panel, session, intent, errors, values }: Props) {
  const { t } = useTranslation(["reschedule", "common"]);
  const locale = useLocale();
  const mine = (name: string, which: string) => (intent === which ? errors[name] : undefined);
  const value = (name: string, which: string, fallback: string) =>
    intent === which && values[name] !== undefined ? values[name] : fallback;
  const start = toLocalInput(session.startsAt);
  const end = toLocalInput(session.endsAt);
  const currentRoom = panel.rooms.find((r) => r.name === session.room);
  return (
    <>
      {panel.cancelledAt ? (
        <p className="alert alert--warn" role="status" data-testid="cancelled">
          {t("cancelled.banner", { when: formatSlot(panel.cancelledAt, locale), reason: panel.cancelReason })}
        </p>
      ) : null}
      {panel.may ? (
        <div className="grid">
          <section aria-labelledby="move-h" className="card stack">
            <h2 id="move-h">{t("move.title")}</h2>
            <p className="field-hint">{t("move.hint")}</p>
            <Form method="post" className="form stack" noValidate>
              <input type="hidden" name="sequence" value={panel.sequence} />
              <div className="row">
                <div className="field">
                  <label htmlFor="m-date">{t("move.date")}</label>
                  <input id="m-date" type="date" name="date" defaultValue={value("date", "move", start.slice(0, 10))} />
                  <FieldError error={mine("date", "move")} />
                </div>
                <div className="field">
                  <label htmlFor="m-start">{t("move.start")}</label>
                  <input id="m-start" type="time" name="start" defaultValue={value("start", "move", start.slice(11))} />
                  <FieldError error={mine("start", "move")} />
                </div>
                <div className="field">
                  <label htmlFor="m-end">{t("move.end")}</label>
                  <input id="m-end" type="time" name="end" defaultValue={value("end", "move", end.slice(11))} />
                  <FieldError error={mine("end", "move")} />
                </div>
              </div>
              <div className="field">
                <label htmlFor="m-room">{t("move.room")}</label>
                <select
                  id="m-room"
                  name="roomId"
                  defaultValue={value("roomId", "move", currentRoom ? String(currentRoom.id) : "")}
                >
                  {session.onlineLink ? <option value="">{t("move.online")}</option> : null}
                  {panel.rooms.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name} ({r.capacity})
                    </option>
                  ))}
                </select>
                <FieldError error={mine("roomId", "move")} />
              </div>
              <div className="field">
                <label htmlFor="m-note">{t("move.note")}</label>
                <input id="m-note" name="note" maxLength={1000} defaultValue={value("note", "move", "")} />
              </div>
              <div>
                <SubmitButton intent="move" pendingLabel={t("common:form.saving")}>
                  {t("move.submit")}
                </SubmitButton>
              </div>
            </Form>
          </section>
          <section aria-labelledby="cancel-h" className="card stack">
            <h2 id="cancel-h">{t("cancel.title")}</h2>
            <p className="field-hint">{t("cancel.hint")}</p>
            <Form method="post" className="form stack" noValidate>
              <input type="hidden" name="sequence" value={panel.sequence} />
              <div className="field">
                <label htmlFor="c-reason">{t("cancel.reason")}</label>
                <textarea
                  id="c-reason"
                  name="reason"
                  rows={3}
                  maxLength={1000}
                  required
                  aria-invalid={mine("reason", "cancel") ? true : undefined}
                  defaultValue={value("reason", "cancel", "")}
                />
                <FieldError error={mine("reason", "cancel")} />
              </div>
              <div>
                <SubmitButton intent="cancel" className="danger" pendingLabel={t("common:form.saving")}>
                  {t("cancel.submit")}
                </SubmitButton>
              </div>
            </Form>
          </section>
        </div>
      ) : null}
      {panel.history.length > 0 ? (
        <section aria-labelledby="hist-h">
          <h2 id="hist-h">{t("history.title")}</h2>
          <ol className="timeline" data-testid="session-history">
            {panel.history.map((h) => (
              <li key={h.id}>
                {h.kind === "move"
                  ? t("history.move", { actor: h.actor, from: h.from, to: h.to })
                  : t("history.cancel", { actor: h.actor, reason: h.reason })}
                {h.kind === "move" && h.reason ? <blockquote>{h.reason}</blockquote> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
