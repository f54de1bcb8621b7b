import { useTranslation } from "react-i18next";
import { messageKey, type Translate } from "~/lib/i18n/keys";
import { localTitle } from "~/lib/i18n/localized";

const TONE: Record<string, string> = {
  submitted: "badge--warn",
  approved: "badge--brand",
  returned: "badge--warn",
  rejected: "badge--danger",
  scheduled: "badge--brand",
  delivered: "badge--ok",
  archived: "",
  cancelled: "badge--danger",
};

// Plain functions for table rows: one translation hook per page, not one per cell, keeps long
// lists cheap to render.
export function stateBadge(t: Translate<"workflow">, state: string) {
  return (
    <span className={`badge state-badge ${TONE[state] ?? ""}`} data-state={state}>
      {t(messageKey("workflow", `state.${state}`))}
    </span>
  );
}

export function priorityBadge(t: Translate<"workflow">, priority: number) {
  return (
    <span className={`badge priority-${priority} ${priority >= 3 ? "badge--danger" : ""}`}>
      {t(messageKey("workflow", `priority.${priority}`))}
    </span>
  );
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation("workflow");
  return stateBadge(t, state);
}

export function PriorityBadge({ priority }: { priority: number }) {
  const { t } = useTranslation("workflow");
  return priorityBadge(t, priority);
}

/** A title in the viewer's language. */
export function pickTitle(t: { titleZh: string; titleEn: string } | null | undefined, locale: "zh" | "en") {
  if (!t) return "—";
  return localTitle(locale, t);
}
