import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { applyDeactivation, previewDeactivation } from "~/admin/import.server";
import { previewThenApply } from "~/admin/upload.server";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ImportPreview } from "~/components/admin/ImportPreview";
import { UploadForm } from "~/components/admin/UploadForm";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";

export const handle = { route: "/admin/deactivate" } satisfies RouteHandle;
export const meta = pageMeta("admin:deactivate.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  return null;
}

// Step one uploads the file and answers the preview; step two stores the clean text.
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRouteAccess(request, handle);
  return previewThenApply(request, {
    preview: (text) => previewDeactivation(admin.id, text),
    apply: async (csv) => {
      const counts = await applyDeactivation(admin.id, csv);
      return redirectWithToast("/admin", { key: "admin:deactivate.done", params: { count: counts.deactivate } });
    },
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
