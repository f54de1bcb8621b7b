import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Profile, ProfileRow, Recommendation } from "~/competency/profile";
import { RadarCompare } from "~/components/charts/RadarCompare";
import { TableScroll } from "~/components/ui/TableScroll";
import { examName, type BankTitles } from "~/exams/labels";
import { formatDate } from "~/lib/i18n/format";
import { messageKey } from "~/lib/i18n/keys";
import { pickLocalized } from "~/lib/i18n/localized";
import { useLocale } from "~/lib/i18n/use-locale";
import { Recommendations } from "./Recommendations";

interface Props {
  profile: Profile;
  recommendations: Recommendation[];
  banks: BankTitles;
  /** Links shown under the heading (the self-assessment for one's own profile). */
  selfLink?: boolean;
  teamId?: number | null;
  groupTitles: Record<string, { zh: string; en: string }>;
}

/** The radar, the table with its evidence and group subtotals, and the recommended courses. */
export function ProfileView({ profile, recommendations, banks, selfLink, teamId, groupTitles }: Props) {
  const { t } = useTranslation("competency");
  const { t: te } = useTranslation("exams");
  const locale = useLocale();
  const ind = (id: string) => t(messageKey("competency", `ind.${id}`));
  const day = (at: string) => formatDate(at, locale);
  const levelText = (r: ProfileRow) => (r.level === null ? t("noEvidence") : String(r.level));
  const evidence = (r: ProfileRow) => {
    const e = r.evidence;
    const out: string[] = [];
    if (e.drill) out.push(t("src.drill", { level: e.drill.level, day: day(e.drill.at) }));
    if (e.exam)
      out.push(
        t("src.exam", {
          exam: examName(te, e.exam.exam ?? "", banks, locale),
          level: e.exam.level,
          day: day(e.exam.at),
        }),
      );
    if (e.self) out.push(t("src.self", { level: e.self.level, day: day(e.self.at) }));
    return out;
  };
  return (
    <div className="stack">
      <p className="muted">{t("profile.intro")}</p>
      {selfLink || teamId ? (
        <p className="row">
          {selfLink ? (
            <Link to="/competency/self" className="button secondary">
              {t("profile.selfLink")}
            </Link>
          ) : null}
          {teamId ? (
            <Link to={`/competency/teams/${teamId}`} className="button secondary">
              {t("profile.teamLink")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <RadarCompare
        title={t("profile.radar")}
        valueLabel={t("col.level")}
        targetLabel={t("col.target")}
        columns={[
          { key: "label", label: t("col.indicator") },
          { key: "level", label: t("col.level") },
          { key: "target", label: t("col.target") },
        ]}
        rows={profile.rows.map((r) => ({ label: ind(r.id), level: levelText(r), target: r.target }))}
        points={profile.rows.map((r) => ({ label: ind(r.id), value: r.level, target: r.target }))}
      />
      <Recommendations items={recommendations} headingId="rec-heading" />
      <section className="card" aria-labelledby="profile-table">
        <h2 id="profile-table">{t("profile.table")}</h2>
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("col.indicator")}</th>
                <th scope="col">{t("col.weight")}</th>
                <th scope="col">{t("col.level")}</th>
                <th scope="col">{t("col.target")}</th>
                <th scope="col">{t("col.gap")}</th>
                <th scope="col">{t("col.evidence")}</th>
              </tr>
            </thead>
            {profile.groups.map((g) => (
              <tbody key={g.id}>
                {profile.rows
                  .filter((r) => r.group === g.id)
                  .map((r) => (
                    <tr key={r.id} data-indicator={r.id}>
                      <th scope="row">{ind(r.id)}</th>
                      <td>{r.combined.toFixed(2)}</td>
                      <td>
                        {r.level === null ? <span className="muted">{t("noEvidence")}</span> : r.level}
                        {r.source ? (
                          <span className="small muted"> · {t(messageKey("competency", `basis.${r.source}`))}</span>
                        ) : null}
                      </td>
                      <td>{r.target}</td>
                      <td>{r.level === null ? "—" : r.weightedGap.toFixed(2)}</td>
                      <td className="small">
                        {evidence(r).map((s) => (
                          <div key={s}>{s}</div>
                        ))}
                      </td>
                    </tr>
                  ))}
                <tr className="subtotal">
                  <th scope="row" colSpan={4}>
                    {t("group.subtotal", { group: pickLocalized(locale, groupTitles[g.id] ?? {}) || g.id })}
                  </th>
                  <td colSpan={2}>{g.subtotal.toFixed(2)}</td>
                </tr>
              </tbody>
            ))}
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t("group.total")}
                </th>
                <td colSpan={2}>{profile.total.toFixed(2)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
