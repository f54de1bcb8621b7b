import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { seesAllTraining } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { Activity } from "~/components/trainers/Activity";
import { Certificates } from "~/components/trainers/Certificates";
import { Qualifications } from "~/components/trainers/Qualifications";
import { invalid, notFound } from "~/lib/errors";
import { ensure, formAction, orErrorPage } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { pageMeta } from "~/lib/i18n/meta";
import { pageFrom } from "~/lib/pagination";
import { readForm } from "~/lib/read-form.server";
import { formValues, idSchema, parseForm } from "~/lib/validation";
import { recordCertificate } from "~/trainers/certificates.server";
import { trainerProfile } from "~/trainers/profile.server";
import { grantQualification, withdrawQualification } from "~/trainers/qualifications.server";
import { certificateSchema, grantSchema, withdrawSchema } from "~/trainers/schemas";

export const handle = { route: "/trainers/:id" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, t }) => data && t("trainers:page.title", { name: data.profile.trainer.name }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  return orErrorPage(async () => ({
    profile: await trainerProfile(user, id.data, pageFrom(new URL(request.url))),
    seesAll: seesAllTraining(user),
  }));
}

const SCHEMAS = { grant: grantSchema, withdraw: withdrawSchema, certificate: certificateSchema } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const id = idSchema.safeParse(params.id);
  ensure(id.success, notFound());
  const form = await readForm(request);
  const values = formValues(form);
  const intent = String(form.get("intent") ?? "");
  return formAction(async () => {
    if (!Object.hasOwn(SCHEMAS, intent)) throw invalid("trainers:err.invalid");
    const back = `/trainers/${id.data}`;
    if (intent === "grant") {
      const parsed = parseForm(grantSchema, form);
      if (!parsed.success) return data({ errors: parsed.errors, values }, { status: 400 });
      await grantQualification(user, id.data, parsed.data);
      return redirectWithToast(back, { key: "trainers:grant.done" });
    }
    if (intent === "withdraw") {
      const parsed = parseForm(withdrawSchema, form);
      if (!parsed.success) return data({ errors: parsed.errors, values }, { status: 400 });
      await withdrawQualification(user, id.data, parsed.data);
      return redirectWithToast(back, { key: "trainers:withdraw.done" });
    }
    const parsed = parseForm(certificateSchema, form);
    if (!parsed.success) return data({ errors: parsed.errors, values }, { status: 400 });
    await recordCertificate(user, id.data, parsed.data);
    return redirectWithToast(back, { key: "trainers:cert.done" });
  }, values);
}

export default function TrainerPage() {
  const { t } = useTranslation("trainers");
  const { profile, seesAll } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    { errors?: Record<string, string>; values?: Record<string, string> } | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="stack">
      {seesAll ? (
        <p>
          <Link to="/trainers">{t("back")}</Link>
        </p>
      ) : null}
      <h1>
        {t("page.title", { name: profile.trainer.name })}{" "}
        {profile.trainer.active ? null : <span className="muted small">({t("inactive")})</span>}
      </h1>
      <p className="muted">{profile.trainer.email}</p>
      <Qualifications p={profile} errors={errors} values={values} />
      <Certificates p={profile} errors={errors} values={values} />
      <Activity p={profile} />
    </div>
  );
}
