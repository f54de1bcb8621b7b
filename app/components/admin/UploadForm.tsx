import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IMPORT_MAX_BYTES, IMPORT_MAX_LINES } from "~/admin/import";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { messageKey } from "~/lib/i18n/keys";

/** The file field of an import page; the preview comes back on the same page. */
export function UploadForm({ error, params }: { error?: string; params?: Record<string, string | number> }) {
  const { t } = useTranslation(["admin", "common"]);
  return (
    <Form method="post" encType="multipart/form-data" className="form card">
      <div className="field">
        <label htmlFor="file">{t("import.file")}</label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "file-hint file-error" : "file-hint"}
        />
        <p id="file-hint" className="muted small">
          {t("import.limits", { kb: IMPORT_MAX_BYTES / 1024, lines: IMPORT_MAX_LINES })}
        </p>
        {error ? (
          <p className="field-error" id="file-error">
            {t(messageKey("admin", error), params ?? {})}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel={t("common:form.saving")}>{t("import.preview")}</SubmitButton>
    </Form>
  );
}
