import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { traineeOptions, traineeProgress } from "~/catalogue/admin.server";
import { pick } from "~/components/catalogue/CourseCard";
import { TableScroll } from "~/components/ui/TableScroll";
import { notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";
import { formatDate } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { idSchema } from "~/lib/validation";

// Trainers and HR look up any trainee's learning record.
export const handle = { route: "/courses/progress" } satisfies RouteHandle;
export const meta = pageMeta("catalogue:progress.title");

const query = z.object({ user: idSchema.optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const { user } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [options, record] = await Promise.all([traineeOptions(), user ? traineeProgress(user) : null]);
  ensure(!user || record, notFound());
  return { options, record, selected: user ?? null };
}

export default function TraineeProgress() {
  const { t } = useTranslation(["catalogue", "common"]);
  const locale = useLocale();
  const { options, record, selected } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>{t("progress.title")}</h1>
      <Form method="get" className="row">
        <div className="field">
          <label htmlFor="f-user">{t("progress.pick")}</label>
          <select id="f-user" name="user" defaultValue={selected ?? ""}>
            <option value="">—</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.employeeNo})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("progress.show")}
        </button>
      </Form>
      {record ? (
        <section aria-labelledby="who-h">
          <h2 id="who-h">
            {record.user.name}{" "}
            <span className="badge">{t(messageKey("common", `common:grade.${record.user.grade}`))}</span>
          </h2>
          {record.rows.length === 0 ? (
            <p className="empty">{t("progress.none")}</p>
          ) : (
            <TableScroll>
              <table className="table">
                <thead>
                  <tr>
                    <th>{t("progress.col.course")}</th>
                    <th>{t("progress.col.version")}</th>
                    <th>{t("progress.col.sections")}</th>
                    <th>{t("progress.col.time")}</th>
                    <th>{t("progress.col.quiz")}</th>
                    <th>{t("progress.col.attempts")}</th>
                    <th>{t("progress.col.completed")}</th>
                    <th>{t("progress.col.attended")}</th>
                  </tr>
                </thead>
                <tbody>
                  {record.rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/courses/${r.course.slug}`}>{pick(locale, r.course.titleZh, r.course.titleEn)}</Link>
                      </td>
                      <td>{r.version}</td>
                      <td>
                        {r.reached} / {r.total}
                      </td>
                      <td>{t("lesson.timer", { spent: r.minutes, duration: r.course.durationMinutes })}</td>
                      <td>
                        {r.quizBestScore === null
                          ? t("progress.notYet")
                          : `${r.quizBestScore}%${r.quizPassed ? " ✓" : ""}`}
                      </td>
                      <td>{r.attempts}</td>
                      <td>{r.completedAt ? formatDate(r.completedAt, locale) : t("progress.notYet")}</td>
                      <td>{r.attendedAt ? formatDate(r.attendedAt, locale) : t("progress.notYet")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ) : null}
    </div>
  );
}
