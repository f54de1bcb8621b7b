import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { RequestForm } from "~/components/workflow/RequestForm";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import css from "~/styles/workflow.css?url";
import { readRequestForm } from "~/workflow/form.server";
import { createRequest, pickablePeople, requestableTargets } from "~/workflow/requests.server";

export const handle = { route: "/requests/new" } satisfies RouteHandle;
export const meta = pageMeta("workflow:new.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const [targets, { people }] = await Promise.all([requestableTargets(), pickablePeople(user)]);
  // A preselected course from the catalogue: /requests/new?course=<slug>
  const slug = new URL(request.url).searchParams.get("course");
  const preset = slug ? targets.courses.find((c) => c.slug === slug) : undefined;
  return { token: randomUUID(), ...targets, people, preset: preset ? `course:${preset.id}` : undefined };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const { parsed, values } = readRequestForm(await readForm(request));
  if (!parsed.success) return data({ errors: parsed.errors, params: {}, values }, { status: 400 });
  return formAction(async () => {
    const { id } = await createRequest(user, parsed.data);
    return redirectWithToast(`/requests/${id}`, { key: "workflow:new.created", params: { id } });
  }, values);
}

export default function NewRequest() {
  const { t } = useTranslation("workflow");
  const { token, courses, series, people, preset } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const params = (result?.params ?? {}) as Record<string, unknown>;
  return (
    <div className="stack">
      <p>
        <Link to="/requests">← {t("list.title")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("workflow", errors._form), params)}
        </p>
      ) : null}
      <RequestForm
        token={token}
        courses={courses}
        series={series}
        people={people}
        values={result?.values ?? { target: preset }}
        errors={errors}
        submitLabel={t("new.submit")}
      />
    </div>
  );
}
