import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readCsvUpload } from "~/admin/upload.server";
import { requireRouteAccess } from "~/auth/guards.server";
import { editsRoster, isTrainer, seesAllTraining } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { RosterPreview, type PreviewData } from "~/components/roster/RosterPreview";
import { ShiftCodes } from "~/components/roster/ShiftCodes";
import { SubmitButton } from "~/components/ui/SubmitButton";
import { ROSTER_BODY_LIMIT, ROSTER_MAX_BYTES } from "~/lib/body-limits";
import { forbidden, invalid } from "~/lib/errors";
import { ensure, formAction } from "~/lib/errors.server";
import { redirectWithToast } from "~/lib/flash.server";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";
import { decodeRosterUpload, rosterUploadLimit } from "~/roster/decode";
import { applyRoster, previewRoster } from "~/roster/import.server";
import { firstProblems } from "~/roster/plan";
import { ledTeamIds, listCodes, listTeams, saveCode } from "~/roster/roster.server";
import { rosterActionSchema } from "~/roster/schemas";
import { parseClock, shiftSpan } from "~/roster/time";

export const handle = { route: "/roster" } satisfies RouteHandle;
export const meta = pageMeta("roster:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const everyTeam = seesAllTraining(user) || isTrainer(user);
  const [teams, codes] = await Promise.all([listTeams(everyTeam ? "all" : await ledTeamIds(user.id)), listCodes()]);
  return { teams, codes, edits: editsRoster(user) };
}

// A multipart upload answers the preview; url-encoded forms confirm an import or save a shift code.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  ensure(editsRoster(user), forbidden());
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    return formAction(async () => {
      const text = await readCsvUpload(request, "file", decodeRosterUpload, rosterUploadLimit());
      const plan = await previewRoster(text);
      const { shown, more } = firstProblems(plan);
      const preview: PreviewData = {
        problems: shown,
        more,
        counts: plan.counts,
        period: plan.period,
        csv: plan.fileErrors.length === 0 && plan.counts.lines > 0 ? text : null,
      };
      return data({ preview }, { status: preview.problems.length ? 400 : 200 });
    });
  }
  const form = await readForm(request, { maxBytes: ROSTER_BODY_LIMIT, maxFieldLength: ROSTER_MAX_BYTES });
  const parsed = parseForm(rosterActionSchema, form);
  if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "apply") {
    return formAction(async () => {
      const counts = await applyRoster(user.id, input.csv, input.skip ?? null);
      return redirectWithToast("/roster", { key: "roster:import.done", params: counts });
    });
  }
  return formAction(
    async () => {
      const start = parseClock(input.start ?? "");
      const end = parseClock(input.end ?? "");
      const span = input.rest ? { startMin: 0, endMin: 0 } : start !== null && end !== null && shiftSpan(start, end);
      if (!span) throw invalid("roster:codes.err.time", { field: "start" });
      await saveCode(user.id, { code: input.code, ...span, rest: Boolean(input.rest) });
      return redirectWithToast("/roster", { key: "roster:codes.saved", params: { code: input.code } });
    },
    { code: input.code, start: input.start, end: input.end },
  );
}

type ActionData = {
  preview?: PreviewData;
  errors?: Record<string, string>;
  error?: string;
  params?: Record<string, string | number>;
  values?: Record<string, string>;
};

export default function Roster() {
  const { t } = useTranslation(["roster", "admin", "common"]);
  const { teams, codes, edits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const fileError = result?.errors?.file;
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section className="stack" aria-labelledby="teams-h">
        <h2 id="teams-h">{t("teams.title")}</h2>
        {teams.length ? (
          <ul>
            {teams.map((team) => (
              <li key={team.id}>
                <Link to={`/roster/teams/${team.id}`}>{team.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("teams.empty")}</p>
        )}
      </section>
      {edits ? (
        <>
          <section className="stack" aria-labelledby="import-h">
            <h2 id="import-h">{t("import.title")}</h2>
            <p className="muted">{t("import.intro")}</p>
            <p className="muted">{t("import.limit", { mb: ROSTER_MAX_BYTES / 1024 / 1024 })}</p>
            {result?.errors?._form ? (
              <p className="alert alert--error" role="alert">
                {t(messageKey("roster", result.errors._form), result.params ?? {})}
              </p>
            ) : null}
            <Form method="post" encType="multipart/form-data" className="form card">
              <div className="field">
                <label htmlFor="file">{t("import.file")}</label>
                <input
                  id="file"
                  name="file"
                  type="file"
                  accept=".csv,text/csv"
                  required
                  aria-invalid={fileError ? true : undefined}
                  aria-describedby={fileError ? "file-error" : undefined}
                />
                {fileError ? (
                  <p className="field-error" id="file-error">
                    {t(messageKey("roster", fileError), result?.params ?? {})}
                  </p>
                ) : null}
              </div>
              <SubmitButton pendingLabel={t("common:form.saving")}>{t("import.preview")}</SubmitButton>
            </Form>
            {result?.preview ? <RosterPreview preview={result.preview} /> : null}
          </section>
          <ShiftCodes codes={codes} errors={result?.preview ? undefined : result?.errors} values={result?.values} />
        </>
      ) : null}
    </div>
  );
}
