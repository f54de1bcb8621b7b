import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Certificate } from "~/components/people/Certificate";
import { notFound } from "~/lib/errors";
import { ensure, orErrorPage } from "~/lib/errors.server";
import { pageMeta } from "~/lib/i18n/meta";
import { idSchema } from "~/lib/validation";
import { readinessCertificate } from "~/people/certificate.server";
import css from "~/styles/certificate.css?url";

export const handle = { route: "/certificates/:userId/readiness" } satisfies RouteHandle;
export const meta = pageMeta("people:cert.readiness.title");
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireRouteAccess(request, handle);
  const userId = idSchema.safeParse(params.userId);
  ensure(userId.success, notFound());
  return orErrorPage(() => readinessCertificate(viewer, userId.data!));
}

export default function ReadinessCertificate() {
  const { t } = useTranslation("people");
  const { person, title, completed } = useLoaderData<typeof loader>();
  if (!title) return <p className="alert alert--error">{t("cert.noPlan")}</p>;
  if (!completed) {
    return (
      <p className="alert alert--error" role="alert">
        {t("cert.notReady", { name: person.name })}
      </p>
    );
  }
  return <Certificate kind="readiness" person={person} title={title} completed={completed} />;
}
