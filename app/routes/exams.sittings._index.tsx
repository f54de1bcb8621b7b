import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { ErrorAlert } from "~/components/exams/NoScript";
import { FieldError } from "~/components/ui/Field";
import { Pagination } from "~/components/ui/Pagination";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { examName } from "~/exams/labels";
import { bankTitles } from "~/exams/overview.server";
import { MAX_SITTING_MINUTES } from "~/exams/schemas";
import { sittingState } from "~/exams/sitting-rules";
import { listSittings, openSitting, sittingExams } from "~/exams/sittings.server";
import { localInput, parseLocalInput } from "~/lib/clock";
import { formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount, pageFrom } from "~/lib/pagination";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";
import css from "~/styles/exams.css?url";

export const handle = { route: "/exams/sittings" } satisfies RouteHandle;
export const meta = pageMeta("sittings:list.title");
export const links = () => [{ rel: "stylesheet", href: css }];

const openFormSchema = z.object({
  exam: z.string().min(1, { error: "sittings:err.exam" }).max(80, { error: "sittings:err.exam" }),
  opensAt: z
    .string()
    .transform((v) => parseLocalInput(v))
    .refine((d): d is Date => d !== null, { error: "sittings:err.opensAt" }),
  minutes: z.coerce
    .number({ error: "sittings:err.minutes" })
    .int({ error: "sittings:err.minutes" })
    .min(5, { error: "sittings:err.minutes" })
    .max(MAX_SITTING_MINUTES, { error: "sittings:err.minutes" }),
  network: z.string().trim().max(64, { error: "sittings:err.network" }).default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const page = pageFrom(new URL(request.url));
  const [list, exams, banks] = await Promise.all([listSittings(page), sittingExams(), bankTitles()]);
  const now = new Date();
  return {
    rows: list.rows.map((r) => ({ ...r, state: sittingState(r, now) })),
    page,
    pages: pageCount(list.total),
    exams,
    banks,
    now: localInput(now),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const parsed = parseForm(openFormSchema, await readForm(request));
  if (!parsed.success) return data({ errors: parsed.errors as Record<string, string>, error: null }, { status: 400 });
  return formAction(async () => {
    const s = await openSitting(user, parsed.data);
    return redirectWithToast(`/exams/sittings/${s.id}`, { key: "sittings:open.saved", params: { code: s.code } });
  });
}

export default function Sittings() {
  const { t } = useTranslation(["sittings", "exams", "common"]);
  const locale = useLocale();
  const { rows, page, pages, exams, banks, now } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: Record<string, string> = a?.errors ?? {};
  const exam = (key: string) => examName((k) => t(`exams:${k}`), key, banks, locale);
  return (
    <div className="stack">
      <p>
        <Link to="/exams">← {t("exams:home.title")}</Link>
      </p>
      <h1>{t("list.title")}</h1>
      <p className="muted">{t("list.intro")}</p>
      <p>
        <Link to="/exams/review">{t("home.flagged")}</Link>
      </p>
      <Form method="post" className="card stack" aria-labelledby="open-h">
        <h2 id="open-h">{t("open.title")}</h2>
        <ErrorAlert error={a?.error} params={a && "params" in a ? a.params : undefined} />
        <div className="field">
          <label htmlFor="exam">{t("open.exam")}</label>
          <select id="exam" name="exam" required>
            {exams.map((e) => (
              <option key={e} value={e}>
                {exam(e)}
              </option>
            ))}
          </select>
          <FieldError error={errors.exam} />
        </div>
        <div className="field">
          <label htmlFor="opensAt">{t("open.opensAt")}</label>
          <input id="opensAt" name="opensAt" type="datetime-local" defaultValue={now} required />
          <FieldError error={errors.opensAt} />
        </div>
        <div className="field">
          <label htmlFor="minutes">{t("open.minutes")}</label>
          <input
            id="minutes"
            name="minutes"
            type="number"
            min={5}
            max={MAX_SITTING_MINUTES}
            defaultValue={60}
            required
          />
          <FieldError error={errors.minutes} />
        </div>
        <div className="field">
          <label htmlFor="network">{t("open.network")}</label>
          <p className="field-hint" id="network-hint">
            {t("open.networkHint")}
          </p>
          <input id="network" name="network" maxLength={64} aria-describedby="network-hint" />
          <FieldError error={errors.network} />
        </div>
        <SubmitButton pendingLabel={t("common:form.saving")}>{t("open.save")}</SubmitButton>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("col.exam")}</th>
              <th>{t("col.code")}</th>
              <th>{t("col.window")}</th>
              <th>{t("col.state")}</th>
              <th>{t("col.members")}</th>
              <th>{t("col.by")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/exams/sittings/${r.id}`}>{exam(r.exam)}</Link>
                </td>
                <td>
                  <code>{r.code}</code>
                </td>
                <td>
                  {t("live.window", {
                    from: formatDateTime(r.opensAt, locale),
                    to: formatDateTime(r.closedAt ?? r.closesAt, locale),
                  })}
                </td>
                <td>{t(messageKey("sittings", `state.${r.state}`))}</td>
                <td>{r._count.members}</td>
                <td>{r.createdBy.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
