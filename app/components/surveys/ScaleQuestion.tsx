import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";

interface Props {
  name: string;
  label: string;
  min: number;
  max: number;
  value?: string;
  error?: string;
  required?: boolean;
}

/** One rating question as a row of large radio buttons: easy to tap on a phone, no script needed. */
export function ScaleQuestion({ name, label, min, max, value, error, required }: Props) {
  const { t } = useTranslation("surveys");
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const five = max === 5;
  const errorId = `q-${name}-error`;
  return (
    <fieldset
      className={`scale${five ? " scale--five" : " scale--eleven"}`}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {label}
        {required ? <span className="visually-hidden"> ({t("answer.required")})</span> : null}
      </legend>
      <div className="scale__points">
        {points.map((p) => (
          <label key={p} className="scale__point">
            <input type="radio" name={name} value={p} defaultChecked={value === String(p)} />
            <span className="scale__num">{p}</span>
            {five ? <span className="scale__text">{t(messageKey("surveys", `scale.${p}`))}</span> : null}
          </label>
        ))}
      </div>
      {/* On a phone the five labels do not fit under the buttons: name the two ends instead. */}
      <p className={`scale__ends muted small${five ? " scale__ends--narrow" : ""}`} aria-hidden="true">
        <span>
          {min} = {five ? t("scale.1") : t("scale.low")}
        </span>
        <span>
          {max} = {five ? t("scale.5") : t("scale.high")}
        </span>
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          {t(messageKey("surveys", error))}
        </p>
      ) : null}
    </fieldset>
  );
}
