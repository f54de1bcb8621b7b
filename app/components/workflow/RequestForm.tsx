import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { useLocale } from "~/lib/i18n/use-locale";
import { DELIVERIES, PRIORITIES, SLOT_KINDS } from "~/workflow/schemas";
import { pickTitle } from "./StateBadge";

type Titled = { id: number; titleZh: string; titleEn: string };

export interface RequestFormValues {
  target?: string;
  attendees?: number[];
  slotKind?: string;
  pref1?: string;
  pref2?: string;
  pref3?: string;
  need?: string;
  priority?: string;
  delivery?: string;
}

interface Props {
  token: string;
  courses: Titled[];
  /** Each series with the delivery modes its merge rule allows (see workflow/request-rules.ts). */
  series: (Titled & { deliveries?: readonly string[] })[];
  people: { id: number; name: string }[];
  values: RequestFormValues;
  errors: Record<string, string>;
  errorParams?: Record<string, unknown>;
  submitLabel: string;
  hidden?: Record<string, string | number>;
}

/** The request form, for a new request and for editing a returned one. Works without JavaScript. */
export function RequestForm({ token, courses, series, people, values, errors, submitLabel, hidden = {} }: Props) {
  const { t } = useTranslation("workflow");
  const locale = useLocale();
  const [picked, setPicked] = useState(() => new Set(values.attendees ?? []));
  const toggle = (id: number, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const described = (name: string) => (errors[name] ? `e-${name}` : undefined);
  // Only the delivery modes the chosen target allows are offered; the server checks them again.
  const [target, setTarget] = useState(values.target ?? "");
  const chosenSeries = target.startsWith("series:") ? series.find((s) => `series:${s.id}` === target) : undefined;
  const deliveries = target.startsWith("course:")
    ? DELIVERIES.filter((d) => d === "single")
    : chosenSeries?.deliveries
      ? DELIVERIES.filter((d) => chosenSeries.deliveries?.includes(d))
      : DELIVERIES;
  return (
    <Form method="post" className="form stack workflow-form" noValidate>
      <input type="hidden" name="token" value={token} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="field">
        <label htmlFor="f-target">{t("new.target")}</label>
        <select
          id="f-target"
          name="target"
          defaultValue={values.target ?? ""}
          onChange={(e) => setTarget(e.currentTarget.value)}
          aria-invalid={errors.target ? true : undefined}
          aria-describedby={described("target")}
        >
          <option value="">{t("new.pickTarget")}</option>
          <optgroup label={t("new.courses")}>
            {courses.map((c) => (
              <option key={c.id} value={`course:${c.id}`}>
                {pickTitle(c, locale)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("new.series")}>
            {series.map((s) => (
              <option key={s.id} value={`series:${s.id}`}>
                {pickTitle(s, locale)}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldError id="e-target" error={errors.target} />
      </div>
      <fieldset className="field">
        <legend>{t("new.attendees")}</legend>
        <p className="field-hint">{t("new.attendeesHint")}</p>
        {people.length === 0 ? <p className="muted">{t("new.noPeople")}</p> : null}
        <div className="checks" aria-describedby={described("attendees")}>
          {people.map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                name="attendees"
                value={p.id}
                defaultChecked={values.attendees?.includes(p.id)}
                onChange={(e) => toggle(p.id, e.currentTarget.checked)}
              />
              {p.name}
            </label>
          ))}
        </div>
        <p className="small muted" aria-live="polite" data-testid="headcount">
          {t("new.headcount", { count: picked.size })}
        </p>
        <FieldError id="e-attendees" error={errors.attendees} />
      </fieldset>
      <fieldset className="field">
        <legend>{t("new.slotKind")}</legend>
        <div className="checks">
          {SLOT_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="slotKind" value={k} defaultChecked={(values.slotKind ?? "morning") === k} />
              {t(`slot.${k}`)}
            </label>
          ))}
        </div>
        <FieldError error={errors.slotKind} />
      </fieldset>
      <fieldset className="field">
        <legend>{t("new.preferred")}</legend>
        <div className="pref-grid">
          {[1, 2, 3].map((n) => {
            const name = `pref${n}` as "pref1" | "pref2" | "pref3";
            return (
              <div className="field" key={n}>
                <label htmlFor={`f-${name}`}>{t("new.pref", { n })}</label>
                <input
                  id={`f-${name}`}
                  type="datetime-local"
                  name={name}
                  defaultValue={values[name] ?? ""}
                  aria-invalid={errors[name] ? true : undefined}
                  aria-describedby={described(name)}
                />
                <FieldError id={`e-${name}`} error={errors[name]} />
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="f-need">{t("new.need")}</label>
        <p className="field-hint">{t("new.needHint")}</p>
        <textarea
          id="f-need"
          name="need"
          rows={4}
          maxLength={2000}
          defaultValue={values.need ?? ""}
          aria-invalid={errors.need ? true : undefined}
          aria-describedby={described("need")}
        />
        <FieldError id="e-need" error={errors.need} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="f-priority">{t("new.priority")}</label>
          <select id="f-priority" name="priority" defaultValue={values.priority ?? "2"}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
          <FieldError error={errors.priority} />
        </div>
        <div className="field">
          <label htmlFor="f-delivery">{t("new.delivery")}</label>
          <select
            id="f-delivery"
            name="delivery"
            key={target}
            defaultValue={deliveries.includes(values.delivery as never) ? values.delivery : deliveries[0]}
            aria-describedby="f-delivery-hint"
          >
            {deliveries.map((d) => (
              <option key={d} value={d}>
                {t(`delivery.${d}`)}
              </option>
            ))}
          </select>
          <p className="field-hint" id="f-delivery-hint">
            {t("new.deliveryHint")}
          </p>
          <FieldError error={errors.delivery} />
        </div>
      </div>
      <div>
        <SubmitButton pendingLabel={t("new.submitting")}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
