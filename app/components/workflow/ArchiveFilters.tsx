import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/ui/Field";
import { useLocale } from "~/lib/i18n/use-locale";
import type { ArchiveFilter } from "~/workflow/schemas";
import { pickTitle } from "./StateBadge";

type Titled = { id: number; titleZh: string; titleEn: string };
interface Options {
  courses: Titled[];
  series: Titled[];
  trainers: { id: number; name: string }[];
  teams: { id: number; name: string }[];
}

export function ArchiveFilters({
  filter,
  options,
  error,
}: {
  filter: ArchiveFilter;
  options: Options;
  error: string | null;
}) {
  const { t } = useTranslation("workflow");
  const locale = useLocale();
  const select = (name: keyof ArchiveFilter, label: string, items: { id: number; label: string }[]) => (
    <div className="field">
      <label htmlFor={`a-${name}`}>{label}</label>
      <select id={`a-${name}`} name={name} defaultValue={filter[name] ?? ""}>
        <option value="">{t("archive.any")}</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form method="get" className="filters card" aria-label={t("archive.filter")}>
      {select(
        "course",
        t("archive.course"),
        options.courses.map((c) => ({ id: c.id, label: pickTitle(c, locale) })),
      )}
      {select(
        "series",
        t("archive.series"),
        options.series.map((c) => ({ id: c.id, label: pickTitle(c, locale) })),
      )}
      {select(
        "trainer",
        t("archive.trainer"),
        options.trainers.map((c) => ({ id: c.id, label: c.name })),
      )}
      {select(
        "team",
        t("archive.team"),
        options.teams.map((c) => ({ id: c.id, label: c.name })),
      )}
      <div className="field">
        <label htmlFor="a-state">{t("archive.state")}</label>
        <select id="a-state" name="state" defaultValue={filter.state ?? ""}>
          <option value="">{t("archive.any")}</option>
          <option value="delivered">{t("state.delivered")}</option>
          <option value="archived">{t("state.archived")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="a-from">{t("archive.from")}</label>
        <input id="a-from" type="date" name="from" defaultValue={filter.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="a-to">{t("archive.to")}</label>
        <input
          id="a-to"
          type="date"
          name="to"
          defaultValue={filter.to ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "e-range" : undefined}
        />
        <FieldError id="e-range" error={error ?? undefined} />
      </div>
      <button type="submit" className="secondary">
        {t("archive.filter")}
      </button>
    </Form>
  );
}
