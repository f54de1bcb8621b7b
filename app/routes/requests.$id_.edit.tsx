import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { RequestForm } from "~/components/workflow/RequestForm";
import { notFound } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { idSchema } from "~/lib/validation";
import css from "~/styles/workflow.css?url";
import { readRequestForm } from "~/workflow/form.server";
import { getRequestView } from "~/workflow/queue.server";
import { pickablePeople, requestableTargets, resubmitRequest } from "~/workflow/requests.server";
import { toLocalInput } from "~/workflow/time";

export const handle = { route: "/requests/:id/edit" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(({ data, t }) => data && t("workflow:new.edit", { id: data.id }));
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  const view = id.success ? await getRequestView(user, id.data) : null;
  ensure(view && view.requesterId === user.id, notFound());
  const [targets, { people }] = await Promise.all([requestableTargets(), pickablePeople(user)]);
  const prefs = view.preferred.map((p) => toLocalInput(p));
  return {
    token: randomUUID(),
    ...targets,
    people,
    id: view.id,
    version: view.version,
    editable: view.canResubmit,
    values: {
      target: view.courseId ? `course:${view.courseId}` : `series:${view.seriesId}`,
      attendees: view.attendees.map((a) => a.userId),
      slotKind: view.slotKind,
      pref1: prefs[0] ?? "",
      pref2: prefs[1] ?? "",
      pref3: prefs[2] ?? "",
      need: view.need,
      priority: String(view.priority),
      delivery: view.delivery,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  const form = await readForm(request);
  const version = z.coerce.number().int().nonnegative().safeParse(form.get("version"));
  const { parsed, values } = readRequestForm(form);
  if (!parsed.success || !version.success)
    return data(
      { errors: parsed.success ? { _form: "workflow:err.invalid" } : parsed.errors, params: {}, values },
      { status: 400 },
    );
  return formAction(async () => {
    await resubmitRequest(user, id.data, version.data, parsed.data);
    return redirectWithToast(`/requests/${id.data}`, { key: "workflow:new.resubmitted", params: { id: id.data } });
  }, values);
}

export default function EditRequest() {
  const { t } = useTranslation("workflow");
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const params = (result?.params ?? {}) as Record<string, string>;
  return (
    <div className="stack">
      <p>
        <Link to={`/requests/${loaded.id}`}>← {t("detail.title", { id: loaded.id })}</Link>
      </p>
      <h1>{t("new.edit", { id: loaded.id })}</h1>
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {t(messageKey("workflow", errors._form), {
            ...params,
            state: params.state ? t(messageKey("workflow", `state.${params.state}`)) : "",
          })}
        </p>
      ) : null}
      {loaded.editable ? (
        <RequestForm
          token={loaded.token}
          courses={loaded.courses}
          series={loaded.series}
          people={loaded.people}
          values={result?.values ?? loaded.values}
          errors={errors}
          submitLabel={t("new.resubmit")}
          hidden={{ version: loaded.version }}
        />
      ) : (
        <p className="alert alert--info">{t("err.illegal")}</p>
      )}
    </div>
  );
}
