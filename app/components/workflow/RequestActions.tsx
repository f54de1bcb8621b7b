import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/ui/Field";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { isState, needsReason, nextActors, type RequestAction } from "~/workflow/state-machine";

interface Props {
  view: {
    id: number;
    version: number;
    actions: RequestAction[];
    canResubmit: boolean;
    canDeliver: boolean;
    state: string;
  };
  errors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * The moves this viewer may make. Each form carries the version the page was loaded with, so a
 * second click or a colleague's earlier move is answered with a conflict instead of a double move.
 */
export function RequestActions({ view, errors, values }: Props) {
  const { t } = useTranslation(["workflow", "common"]);
  const plain = view.actions.filter((a) => !needsReason(a));
  const reasoned = view.actions.filter((a) => needsReason(a));
  const nothing = view.actions.length === 0 && !view.canResubmit && !view.canDeliver;
  return (
    <section className="card" aria-labelledby="actions-h">
      <h2 id="actions-h">{t("detail.actions")}</h2>
      {nothing ? <p className="muted">{t("detail.noActions")}</p> : null}
      {isState(view.state) && nextActors(view.state).length > 0 ? (
        <p className="small muted" data-testid="waiting">
          {t("detail.waiting", {
            who: nextActors(view.state)
              .map((r) => t(`who.${r}`))
              .join(" / "),
          })}
        </p>
      ) : null}
      <div className="action-forms">
        {plain.length > 0 ? (
          <Form method="post" className="row">
            <input type="hidden" name="intent" value="transition" />
            <input type="hidden" name="version" value={view.version} />
            {plain.map((a) => (
              <ActionButton key={a} action={a} />
            ))}
          </Form>
        ) : null}
        {reasoned.length > 0 ? (
          <Form method="post" className="form stack">
            <input type="hidden" name="intent" value="transition" />
            <input type="hidden" name="version" value={view.version} />
            <div className="field">
              <label htmlFor="f-reason">{t("detail.reason")}</label>
              <p className="field-hint" id="f-reason-hint">
                {t("detail.reasonHint")}
              </p>
              <textarea
                id="f-reason"
                name="reason"
                rows={3}
                maxLength={1000}
                defaultValue={values.reason ?? ""}
                aria-invalid={errors.reason ? true : undefined}
                aria-describedby={errors.reason ? "f-reason-hint e-reason" : "f-reason-hint"}
              />
              <FieldError id="e-reason" error={errors.reason} />
            </div>
            <div className="row">
              {reasoned.map((a) => (
                <ActionButton key={a} action={a} />
              ))}
            </div>
          </Form>
        ) : null}
        {view.canResubmit ? (
          <p>
            <Link to={`/requests/${view.id}/edit`} className="button">
              {t("detail.edit")}
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}

function ActionButton({ action }: { action: RequestAction }) {
  const { t } = useTranslation(["workflow", "common"]);
  const danger = action === "reject" || action === "cancel";
  return (
    <SubmitButton
      name="action"
      value={action}
      className={danger ? "danger" : action === "return" ? "secondary" : "primary"}
      pendingLabel={t("common:form.saving")}
    >
      {t(`action.${action}`)}
    </SubmitButton>
  );
}
