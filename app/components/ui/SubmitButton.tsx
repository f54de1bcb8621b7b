import { useNavigation } from "@remix-run/react";

interface Props extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  pendingLabel: string;
  /** Only this form's submission counts as pending (matches the form's action). */
  action?: string;
  intent?: string;
}

/** A submit button that shows a pending label and refuses a second click while saving. */
export function SubmitButton({ pendingLabel, children, className = "primary", action, intent, ...rest }: Props) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    (!action || navigation.formAction === action) &&
    (!intent || navigation.formData?.get("intent") === intent);
  return (
    <button
      type="submit"
      className={className}
      aria-disabled={pending || undefined}
      disabled={pending}
      name={intent ? "intent" : undefined}
      value={intent}
      {...rest}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
