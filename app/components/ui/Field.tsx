import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input whose error (an i18n key) is announced and tied to the input. */
export function Field({ name, label, error, hint, id, ...input }: FieldProps) {
  const { t } = useTranslation();
  const inputId = id ?? `f-${name}`;
  const describedBy =
    [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <p className="field-error" id={`${inputId}-error`}>
          {t(messageKey("common", error))}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, error }: { id?: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p className="field-error" id={id}>
      {t(messageKey("common", error))}
    </p>
  ) : null;
}
