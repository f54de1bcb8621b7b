import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { getSeriesPage } from "~/catalogue/catalogue.server";
import { slugParam } from "~/catalogue/schemas";
import { seriesTotal } from "~/catalogue/time";
import { MyStatus, pick, type Translate } from "~/components/catalogue/CourseCard";
import { notFound } from "~/lib/errors";
import { ensure } from "~/lib/errors.server";
import { messageKey } from "~/lib/i18n/keys";
import { localTitle, pickLocalized } from "~/lib/i18n/localized";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import css from "~/styles/catalogue.css?url";

export const handle = { route: "/series/:slug" } satisfies RouteHandle;
export const meta = pageMeta<typeof loader>(
  ({ data, locale }) => data && localTitle(locale, data.series),
  ({ data, locale }) => data && pickLocalized(locale, { zh: data.series.summaryZh, en: data.series.summaryEn }),
);
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const slug = slugParam.safeParse(params.slug);
  const page = slug.success ? await getSeriesPage(user, slug.data) : null;
  ensure(page, notFound());
  return page;
}

export default function SeriesPage() {
  const { t } = useTranslation("catalogue");
  const locale = useLocale();
  const { series, modules, done, totalMinutes } = useLoaderData<typeof loader>();
  const total = seriesTotal(modules.map((m) => m.durationMinutes));
  const pct = modules.length ? Math.round((done / modules.length) * 100) : 0;
  return (
    <div className="stack">
      <p>
        <Link to="/courses">← {t("lesson.back")}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{pick(locale, series.titleZh, series.titleEn)}</h1>
          <p className="muted">{pick(locale, series.summaryZh, series.summaryEn)}</p>
        </div>
      </div>
      <section className="card lesson__stat" aria-label={t("series.modules")}>
        <strong data-testid="series-total">
          {total.uniform
            ? t("series.total", {
                count: modules.length,
                each: t(messageKey("catalogue", total.each.key), { count: total.each.count }),
                total: t(messageKey("catalogue", total.total.key), { count: total.total.count }),
              })
            : t("series.totalMixed", {
                count: modules.length,
                total: t(messageKey("catalogue", total.total.key), { count: total.total.count }),
              })}
        </strong>
        <span className="muted small">
          {t(messageKey("catalogue", `series.merge.${series.merge}`))} · {t("minutes", { count: totalMinutes })}
        </span>
        <span>{t("series.progress", { done, count: modules.length })}</span>
        <span
          className="progress"
          role="progressbar"
          aria-label={t("series.progress", { done, count: modules.length })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <span style={{ width: `${pct}%` }} />
        </span>
      </section>
      <h2>{t("series.modules")}</h2>
      {modules.length === 0 ? (
        <p className="empty">{t("series.empty")}</p>
      ) : (
        <ol className="series-modules">
          {modules.map((m) => (
            <li key={m.slug} className="card">
              <span className="series-modules__pos" aria-hidden="true">
                {m.position}
              </span>
              <div className="stack" style={{ gap: "0.4rem" }}>
                <h3 style={{ margin: 0 }}>
                  <Link to={`/courses/${m.slug}`}>{pick(locale, m.titleZh, m.titleEn)}</Link>{" "}
                  {m.status !== "accepted" ? (
                    <span className="badge badge--warn">{t(messageKey("catalogue", `status.${m.status}`))}</span>
                  ) : null}
                </h3>
                <p className="muted small" style={{ margin: 0 }}>
                  {t("minutes", { count: m.durationMinutes })} · {t(messageKey("catalogue", `area.${m.area}`))}
                </p>
                <p style={{ margin: 0 }}>{pick(locale, m.summaryZh, m.summaryEn)}</p>
                <MyStatus my={m.my} t={t as unknown as Translate} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
