import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import { publishesCourses } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { TableScroll } from "~/components/ui/TableScroll";
import { db } from "~/lib/db.server";
import { forbidden } from "~/lib/errors";
import { formAction, formError } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pickLocalized } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { readForm } from "~/lib/read-form.server";
import { idSchema, parseForm } from "~/lib/validation";
import { DECISIONS, enterIntoLibrary, fastTrack, recordAcceptance } from "~/library/acceptance.server";
import { libraryOverview } from "~/library/library.server";

export const handle = { route: "/library" } satisfies RouteHandle;
export const meta = pageMeta("library:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  return { courses: await libraryOverview(), canPublish: publishesCourses(user) };
}

const expected = z.coerce.number().int().min(0).max(1_000_000);
const reason = z.string().trim().max(500).default("");
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("record"), versionId: idSchema, decision: z.enum(DECISIONS), reason }),
  z.object({ intent: z.literal("enter"), versionId: idSchema, expected }),
  z.object({ intent: z.literal("fast-track"), versionId: idSchema, expected, reason }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request);
  if (!publishesCourses(user)) return formError(forbidden());
  const parsed = parseForm(actionSchema, form);
  const values = { versionId: String(form.get("versionId") ?? ""), reason: String(form.get("reason") ?? "") };
  if (!parsed.success) return data({ errors: parsed.errors, error: "", values }, { status: 400 });
  const input = parsed.data;
  return formAction(async () => {
    if (input.intent === "record") {
      await db.$transaction((tx) =>
        recordAcceptance(tx, {
          courseVersionId: input.versionId,
          decision: input.decision,
          decidedById: user.id,
          reason: input.reason,
        }),
      );
      return redirectWithToast("/library", { key: "library:recorded" });
    }
    const done =
      input.intent === "enter"
        ? await enterIntoLibrary(user, input.versionId, input.expected)
        : await fastTrack(user, input.versionId, input.expected, input.reason);
    const course = await db.course.findUniqueOrThrow({ where: { id: done.courseId }, select: { titleZh: true } });
    return redirectWithToast("/library", {
      key: "library:entered",
      params: { title: course.titleZh, version: done.version },
    });
  }, values);
}

type ActionData = {
  errors?: Record<string, string>;
  error?: string;
  params?: Record<string, string | number>;
  values?: Record<string, string>;
};

export default function Library() {
  const { t } = useTranslation(["library", "catalogue"]);
  const locale = useLocale();
  const { courses, canPublish } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const failedOn = actionData?.values?.versionId;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
      </div>
      {!canPublish && <p className="muted">{t("readOnly")}</p>}
      {actionData?.error && !failedOn && (
        <p role="alert" className="error">
          {t(actionData.error as "title", actionData.params)}
        </p>
      )}
      {courses.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("col.course")}</th>
                <th scope="col">{t("col.live")}</th>
                <th scope="col">{t("col.newest")}</th>
                <th scope="col">{t("col.state")}</th>
                {canPublish && <th scope="col">{t("col.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => {
                const a = c.acceptance;
                const isLive = c.live === c.newest.version;
                const state = isLive
                  ? t("state.live")
                  : !a
                    ? t("state.none")
                    : a.fastTrack
                      ? t("state.fastTrack", { reason: a.reason })
                      : t(messageKey("library", `state.${a.decision}`), { reason: a.reason });
                const error = failedOn === String(c.newest.id) ? actionData : undefined;
                return (
                  <tr key={c.id} data-course={c.slug}>
                    <td>
                      {pickLocalized(locale, c.title)}
                      <br />
                      <small className="muted">
                        {t("proposed", {
                          status: t(messageKey("catalogue", `status.${c.proposed}`), { defaultValue: c.proposed }),
                        })}
                      </small>
                    </td>
                    <td>{c.live === null ? t("none") : t("versionNo", { version: c.live })}</td>
                    <td>{t("versionNo", { version: c.newest.version })}</td>
                    <td>{state}</td>
                    {canPublish && (
                      <td>
                        {error?.error && (
                          <p role="alert" className="error">
                            {t(error.error as "title", error.params)}
                          </p>
                        )}
                        {!isLive && <CourseActions course={c} />}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

function CourseActions({ course: c }: { course: Awaited<ReturnType<typeof libraryOverview>>[number] }) {
  const { t } = useTranslation(["library", "common"]);
  const expected = String(c.live ?? 0);
  const label = `${c.slug}-${c.newest.id}`;
  return (
    <div className="stack">
      <Form method="post">
        <input type="hidden" name="versionId" value={c.newest.id} />
        <input type="hidden" name="expected" value={expected} />
        <SubmitButton intent="enter" name="intent" value="enter" pendingLabel={t("common:form.saving")}>
          {t("enter")}
        </SubmitButton>
      </Form>
      {!c.canEnter && (
        <Form method="post" className="form">
          <fieldset>
            <legend>{t("record.legend")}</legend>
            <input type="hidden" name="versionId" value={c.newest.id} />
            <label htmlFor={`decision-${label}`}>{t("record.decision")}</label>
            <select id={`decision-${label}`} name="decision" defaultValue="accept">
              {DECISION_KEYS.map((d) => (
                <option key={d} value={d}>
                  {t(messageKey("library", `decision.${d}`))}
                </option>
              ))}
            </select>
            <label htmlFor={`reason-${label}`}>{t("record.reason")}</label>
            <input id={`reason-${label}`} name="reason" maxLength={500} />
            <SubmitButton
              intent="record"
              name="intent"
              value="record"
              className="secondary"
              pendingLabel={t("common:form.saving")}
            >
              {t("record.submit")}
            </SubmitButton>
          </fieldset>
        </Form>
      )}
      {c.canFastTrack && !c.canEnter && (
        <Form method="post" className="form">
          <fieldset>
            <legend>{t("fastTrack.legend")}</legend>
            <input type="hidden" name="versionId" value={c.newest.id} />
            <input type="hidden" name="expected" value={expected} />
            <label htmlFor={`ft-${label}`}>{t("fastTrack.reason")}</label>
            <input id={`ft-${label}`} name="reason" maxLength={500} />
            <SubmitButton
              intent="fast-track"
              name="intent"
              value="fast-track"
              className="secondary"
              pendingLabel={t("common:form.saving")}
            >
              {t("fastTrack.submit")}
            </SubmitButton>
          </fieldset>
        </Form>
      )}
    </div>
  );
}

const DECISION_KEYS = ["accept", "revise", "reject"] as const;
