// CSV export of a cohort's readiness: UTF-8 with a byte-order mark so spreadsheet programs read
// the Chinese names correctly; one row per trainee, one column per plan exam.
import { localDay } from "~/lib/clock";
import { toCsv } from "~/lib/csv";
import { serverT } from "~/lib/i18n/instance";
import type { Locale } from "~/lib/i18n/locale";
import { examName, type BankTitles } from "./labels";
import type { teamCohort } from "./readiness.server";

export function examKeyHeader(banks: BankTitles, locale: Locale) {
  const t = serverT(locale, "exams");
  return (key: string) => examName(t, key, banks, locale);
}

export function readinessCsv(
  cohort: Awaited<ReturnType<typeof teamCohort>>,
  locale: Locale,
  header: (key: string) => string,
): string {
  const t = serverT(locale, "exams");
  const head = [t("csv.name"), t("csv.employeeNo"), t("csv.team"), t("csv.ready"), ...cohort.keys.map(header)];
  const rows = cohort.people.map((p) => [
    p.name,
    p.employeeNo,
    p.team?.name ?? "",
    p.readiness.ready ? t("csv.yes") : t("csv.no"),
    ...p.readiness.exams.map((e) =>
      e.state === "passed"
        ? t("csv.passed", { date: localDay(e.expiresAt) })
        : e.state === "expired"
          ? t("csv.expired", { date: localDay(e.expiredAt) })
          : e.attempted
            ? t("csv.notPassed")
            : t("csv.missing"),
    ),
  ]);
  return toCsv(head, rows);
}
