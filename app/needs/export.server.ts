// The results as CSV (with BOM, for Excel): one row per topic in ranking order, then its
// points per audience.
import { toCsv } from "~/lib/csv";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import type { Locale } from "~/lib/i18n/lang";
import { topicLabel } from "./labels";
import { roundResults } from "./results.server";

export async function resultsCsv(roundId: number, locale: Locale) {
  const r = await roundResults(roundId);
  const t = serverT(locale, "needs");
  const topic = new Map(r.round.topics.map((x) => [x.id, x]));
  const header = [
    t("col.place"),
    t("col.topic"),
    t("col.points"),
    t("col.first"),
    t("col.second"),
    t("col.third"),
    t("csv.top"),
    ...r.perAudience.map((a) => `${t(messageKey("needs", `audience.${a.audience}`))} · ${t("col.points")}`),
  ];
  const rows = r.ranking.map((s) => {
    const x = topic.get(s.topicId);
    return [
      s.place,
      x ? topicLabel(locale, x) : "",
      s.points,
      ...s.byRank,
      s.top ? t("csv.yes") : "",
      ...r.perAudience.map((a) => a.scores.find((y) => y.topicId === s.topicId)?.points ?? 0),
    ];
  });
  return { body: toCsv(header, rows), filename: `needs-${r.round.year}-${r.round.id}.csv` };
}
