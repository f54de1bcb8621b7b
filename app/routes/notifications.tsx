import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess, safeRedirectPath } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Pagination } from "~/components/ui/Pagination";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { invalid } from "~/lib/errors";
import { errorPage } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { readForm } from "~/lib/read-form.server";
import { idSchema } from "~/lib/validation";
import css from "~/styles/workflow.css?url";
import { listNotifications, markRead, openNotice } from "~/workflow/notify.server";
import { formatSlot } from "~/workflow/time";

export const handle = { route: "/notifications" } satisfies RouteHandle;
export const meta = pageMeta("workflow:notifications.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const page = pageFrom(new URL(request.url));
  const { total, rows } = await listNotifications(user.id, page);
  return { rows, page, pages: pageCount(total) };
}

const openSchema = z.object({ intent: z.literal("open"), id: idSchema });

// Reading happens here, on a POST, never in the loader: opening a notice marks it read and
// follows its link; the other button marks them all.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  const open = openSchema.safeParse(Object.fromEntries(form));
  // Opening one notice with a broken id is refused, not taken as "mark them all".
  if (form.get("intent") === "open" && !open.success) throw errorPage(invalid());
  if (open.success) {
    const notice = await openNotice(user.id, open.data.id);
    return redirect(safeRedirectPath(notice?.link, "/notifications"));
  }
  await markRead(user.id);
  return redirectWithToast("/notifications", { key: "workflow:notifications.marked" });
}

export default function Notifications() {
  const { t } = useTranslation(["workflow", "common"]);
  const locale = useLocale();
  const { rows, page, pages } = useLoaderData<typeof loader>();
  const unread = rows.some((r) => !r.readAt);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("notifications.title")}</h1>
        {unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="all" />
            <SubmitButton className="secondary" pendingLabel={t("common:form.saving")}>
              {t("notifications.markAll")}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t("notifications.empty")}</p>
      ) : (
        <ul className="notice-list">
          {rows.map((n) => (
            <li key={n.id} className="card" data-unread={n.readAt ? undefined : "true"}>
              {!n.readAt ? <span className="badge badge--brand">{t("notifications.unread")}</span> : null}{" "}
              {n.link ? (
                <Form method="post" className="notice-open">
                  <input type="hidden" name="intent" value="open" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="link-button">
                    {t(messageKey("workflow", `notify.${n.kind}`), n.params)}
                  </button>
                </Form>
              ) : (
                t(messageKey("workflow", `notify.${n.kind}`), n.params)
              )}
              <div className="small muted">
                <time dateTime={String(n.createdAt)}>{formatSlot(n.createdAt, locale)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
