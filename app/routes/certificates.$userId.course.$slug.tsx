import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { Certificate } from "~/components/people/Certificate";
import { notFound } from "~/lib/errors";
import { ensure, orErrorPage } from "~/lib/errors.server";
import { localTitle } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { idSchema } from "~/lib/validation";
import { courseCertificate } from "~/people/certificate.server";
import css from "~/styles/certificate.css?url";

export const handle = { route: "/certificates/:userId/course/:slug" } satisfies RouteHandle;
export const meta = pageMeta("people:cert.course.title");
export const links = () => [{ rel: "stylesheet", href: css }];

const slugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireRouteAccess(request, handle);
  const userId = idSchema.safeParse(params.userId);
  const slug = slugSchema.safeParse(params.slug);
  ensure(userId.success && slug.success, notFound());
  return orErrorPage(() => courseCertificate(viewer, userId.data!, slug.data!));
}

export default function CourseCertificate() {
  const { t } = useTranslation("people");
  const locale = useLocale();
  const { person, title, completed } = useLoaderData<typeof loader>();
  if (!completed) {
    return (
      <p className="alert alert--error" role="alert">
        {t("cert.notCompleted", { name: person.name, title: localTitle(locale, title) })}
      </p>
    );
  }
  return <Certificate kind="course" person={person} title={title} completed={completed} />;
}
