// What a viewer may see of coverage (HR every team, a lead their own), and its CSV.
import { isHr, type RoleHolder } from "~/auth/policy";
import { toCsv } from "~/lib/csv";
import { db } from "~/lib/db.server";
import { forbidden, invariant } from "~/lib/errors";
import { serverT } from "~/lib/i18n/instance";
import type { Locale } from "~/lib/i18n/locale";
import { localTitle } from "~/lib/i18n/localized";
import { ledTeamIds } from "./assignments.server";
import type { CoverageCell } from "./coverage.server";
import { percent } from "./rules";

/** The teams the viewer may read; null for HR (every team). Another team asked for is refused. */
export async function coverageTeams(viewer: RoleHolder & { id: number }, requested?: number) {
  if (isHr(viewer)) {
    const teams = await db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
    return { teamIds: null, teams };
  }
  const led = await ledTeamIds(viewer.id);
  invariant(led.length > 0, forbidden());
  invariant(requested === undefined || led.includes(requested), forbidden());
  const teams = await db.team.findMany({
    where: { id: { in: led } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { teamIds: led, teams };
}

export function coverageCsv(cells: CoverageCell[], locale: Locale): string {
  const t = serverT(locale, "assignments");
  const head = [
    t("cov.team"),
    t("cov.course"),
    t("cov.total"),
    t("state.done"),
    `${t("state.done")} %`,
    t("state.progress"),
    t("state.new"),
    t("state.overdue"),
    `${t("state.overdue")} %`,
  ];
  const rows = cells.map((c) => [
    c.teamName,
    localTitle(locale, c),
    c.total,
    c.counts.done,
    percent(c.counts.done, c.total),
    c.counts.progress,
    c.counts.new,
    c.counts.overdue,
    percent(c.counts.overdue, c.total),
  ]);
  return toCsv(head, rows);
}
