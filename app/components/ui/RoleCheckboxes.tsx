import { useTranslation } from "react-i18next";
import { ROLES } from "~/auth/roles";
import { FieldError } from "./Field";

export function RoleCheckboxes({
  selected,
  error,
  legend,
}: {
  selected: readonly string[];
  error?: string;
  legend: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field" aria-describedby={error ? "roles-error" : undefined}>
      <legend>{legend}</legend>
      <div className="checks">
        {ROLES.map((r) => (
          <label key={r}>
            <input type="checkbox" name="roles" value={r} defaultChecked={selected.includes(r)} />
            {t(`role.${r}`)}
          </label>
        ))}
      </div>
      <FieldError id="roles-error" error={error} />
    </fieldset>
  );
}
