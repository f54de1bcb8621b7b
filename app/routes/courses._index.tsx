import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRouteAccess } from "~/auth/guards.server";
import { isCourseStaff } from "~/auth/policy";
import type { RouteHandle } from "~/auth/route-access";
import { classroomOnlyCourses, filterOptions, listCourses } from "~/catalogue/catalogue.server";
import { catalogueQuerySchema } from "~/catalogue/schemas";
import { ClassroomOnly } from "~/components/catalogue/ClassroomOnly";
import { CourseCard, type Translate } from "~/components/catalogue/CourseCard";
import { Pagination } from "~/components/ui/Pagination";
import { AREAS, COMPETENCY_IDS, GRADES } from "~/content/competencies";
import { messageKey } from "~/lib/i18n/keys";
import { detectLocale } from "~/lib/i18n/locale";
import { pageMeta } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { pageCount } from "~/lib/pagination";
import { searchParamsObject } from "~/lib/validation";
import css from "~/styles/catalogue.css?url";

export const handle = { route: "/courses" } satisfies RouteHandle;
export const meta = pageMeta("catalogue:list.title");
export const links = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const filters = catalogueQuerySchema.parse(searchParamsObject(new URL(request.url)));
  const locale = detectLocale(request);
  const [{ total, courses }, series, classroom] = await Promise.all([
    listCourses(user, filters, locale),
    filterOptions(locale),
    classroomOnlyCourses(user, filters, locale),
  ]);
  return { filters, total, pages: pageCount(total), courses, series, staff: isCourseStaff(user), classroom };
}

function Select({
  name,
  label,
  value,
  options,
  t,
}: {
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
  t: Translate;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("filter.any")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Catalogue() {
  const { t } = useTranslation(["catalogue", "common"]);
  const tr = t as unknown as Translate;
  const locale = useLocale();
  const { filters, total, pages, courses, series, staff, classroom } = useLoaderData<typeof loader>();
  const searching = useNavigation().state === "loading";
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{t("list.title")}</h1>
          <p className="muted">{t("list.intro")}</p>
        </div>
        {staff ? (
          <Link className="button secondary" to="/courses/progress">
            {t("progress.title")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="catalogue-search" role="search">
        <div className="field catalogue-search__q">
          <label htmlFor="f-q">{t("list.search")}</label>
          <div className="row">
            <input id="f-q" type="search" name="q" defaultValue={filters.q} placeholder={t("list.searchPlaceholder")} />
            <button type="submit" className="primary">
              {t("list.searchButton")}
            </button>
          </div>
        </div>
        <details
          className="catalogue-filters"
          open={Boolean(
            filters.series || filters.area || filters.competency || filters.duration || filters.grade || filters.status,
          )}
        >
          <summary>{t("list.filters")}</summary>
          <div className="catalogue-filters__grid">
            <Select t={tr} name="series" label={t("filter.series")} value={filters.series} options={series} />
            <Select
              t={tr}
              name="area"
              label={t("filter.area")}
              value={filters.area}
              options={AREAS.map((a) => [a, t(`area.${a}`)])}
            />
            <Select
              t={tr}
              name="competency"
              label={t("filter.competency")}
              value={filters.competency}
              options={COMPETENCY_IDS.map((c) => [c, t(`comp.${c}`)])}
            />
            <Select
              t={tr}
              name="duration"
              label={t("filter.duration")}
              value={filters.duration}
              options={(["15", "30", "60", "long"] as const).map((d) => [d, t(`duration.${d}`)])}
            />
            <Select
              t={tr}
              name="grade"
              label={t("filter.grade")}
              value={filters.grade}
              options={GRADES.map((g) => [g, t(messageKey("common", `common:grade.${g}`))])}
            />
            {staff ? (
              <Select
                t={tr}
                name="status"
                label={t("filter.status")}
                value={filters.status}
                options={(["accepted", "trial", "draft"] as const).map((s) => [s, t(`status.${s}`)])}
              />
            ) : null}
          </div>
          <div className="row">
            <button type="submit" className="secondary">
              {t("list.apply")}
            </button>
            <Link to="/courses">{t("list.clear")}</Link>
          </div>
        </details>
      </Form>
      <p className="muted" aria-live="polite" aria-busy={searching}>
        {t("list.count", { count: total })}
      </p>
      {courses.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <div className="grid course-grid">
          {courses.map((c) => (
            <CourseCard key={c.slug} course={c} locale={locale} t={tr} />
          ))}
        </div>
      )}
      <Pagination page={filters.page} pages={pages} />
      <ClassroomOnly courses={classroom} locale={locale} />
    </div>
  );
}
