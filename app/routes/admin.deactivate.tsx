import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { applyDeactivation, previewDeactivation } from "~/admin/import.server";
import { importConfirmSchema } from "~/admin/schemas";
import { readCsvUpload } from "~/admin/upload.server";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ImportPreview } from "~/components/admin/ImportPreview";
import { UploadForm } from "~/components/admin/UploadForm";
import { IMPORT_BODY_LIMIT } from "~/lib/body-limits";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";

export const handle = { route: "/admin/deactivate" } satisfies RouteHandle;
export const meta = pageMeta("admin:deactivate.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  return null;
}

const isUpload = (request: Request) => /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "");

// Step one uploads the file and answers the preview (400 while it has errors); step two sends the
// clean text back from the preview page and stores it in one transaction.
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRouteAccess(request, handle);
  if (isUpload(request)) {
    return formAction(async () => {
      const text = await readCsvUpload(request);
      const plan = await previewDeactivation(admin.id, text);
      const clean = plan.counts.errors === 0;
      return Response.json({ plan, csv: clean ? text : null }, { status: clean ? 200 : 400 });
    });
  }
  const form = await readForm(request, { maxBytes: IMPORT_BODY_LIMIT, maxFieldLength: IMPORT_BODY_LIMIT });
  const parsed = parseForm(importConfirmSchema, form);
  if (!parsed.success) return Response.json({ errors: { file: "admin:import.err.noFile" } }, { status: 400 });
  return formAction(async () => {
    const counts = await applyDeactivation(admin.id, parsed.data.csv);
    return redirectWithToast("/admin", { key: "admin:deactivate.done", params: { count: counts.deactivate } });
  });
}

type ActionData = {
  plan?: Awaited<ReturnType<typeof previewDeactivation>>;
  csv?: string | null;
  errors?: Record<string, string>;
  error?: string;
  params?: Record<string, string | number>;
};

export default function DeactivateUsers() {
  const { t } = useTranslation(["admin", "common"]);
  const result = useActionData<typeof action>() as ActionData | undefined;
  const plan = result?.plan;
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← {t("users.title")}</Link>
      </p>
      <h1>{t("deactivate.title")}</h1>
      <p>{t("deactivate.intro")}</p>
      {result?.error && !result.errors?.file ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("admin", result.error), result.params ?? {})}
        </p>
      ) : null}
      <UploadForm error={result?.errors?.file} params={result?.params} />
      {plan ? (
        <ImportPreview
          fileErrors={plan.fileErrors}
          lines={plan.lines.map((l) => ({ ...l, detail: l.name }))}
          summary={t("deactivate.clean", plan.counts)}
          csv={result?.csv ?? null}
          applyLabel={t("import.applyDeactivate")}
        />
      ) : null}
    </div>
  );
}
