// The SQL that keeps SurveyTally in step with the responses and invitations. Plain strings, so
// that data written outside the app (the bench's generated rows) can be counted the same way.
import { ITEMS } from "./figures";

export const ITEM_PREFIX: Record<(typeof ITEMS)[number], string> = {
  overall: "o",
  relevance: "r",
  helpful: "h",
  delivery: "d",
  pace: "p",
};

/** o1…o5, r1…r5, h1…h5, d1…d5, p1…p5, promoters, passives, detractors */
export const COUNT_COLUMNS: string[] = [
  ...ITEMS.flatMap((item) => [1, 2, 3, 4, 5].map((k) => `${ITEM_PREFIX[item]}${k}`)),
  "promoters",
  "passives",
  "detractors",
];

// CASE rather than SUM(condition), and quoted names: the same text runs on PostgreSQL (decision 051).
const countIf = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const countExpressions = [
  ...ITEMS.flatMap((item) => [1, 2, 3, 4, 5].map((k) => countIf(`"${item}" = ${k}`))),
  countIf("recommend >= 9"),
  countIf("recommend BETWEEN 7 AND 8"),
  countIf("recommend <= 6"),
];
const countColumns = COUNT_COLUMNS.map((c) => `"${c}"`).join(", ");

/** Recounts every survey's tally from scratch (also a consistency check: it must change nothing). */
export const REBUILD_TALLY_SQL = [
  `DELETE FROM "SurveyTally"`,
  `INSERT INTO "SurveyTally" ("surveyId", "teamId", responses, ${countColumns})
   SELECT "surveyId", COALESCE("teamId", 0), COUNT(*), ${countExpressions.join(", ")}
   FROM "SurveyResponse" WHERE TRUE GROUP BY "surveyId", COALESCE("teamId", 0)`,
  `INSERT INTO "SurveyTally" ("surveyId", "teamId", invited)
   SELECT "surveyId", COALESCE("teamId", 0), COUNT(*) FROM "SurveyInvite" WHERE TRUE GROUP BY "surveyId", COALESCE("teamId", 0)
   ON CONFLICT ("surveyId", "teamId") DO UPDATE SET invited = excluded.invited`,
];

export interface Answers {
  overall: number;
  relevance: number;
  helpful: number;
  delivery: number;
  pace: number;
  recommend: number;
}

/** The counts one response adds to a tally, in COUNT_COLUMNS order (times sign). */
export function countVector(a: Answers, sign: 1 | -1 = 1): number[] {
  const v: number[] = [];
  for (const item of ITEMS) for (let k = 1; k <= 5; k++) v.push(a[item] === k ? sign : 0);
  v.push(a.recommend >= 9 ? sign : 0, a.recommend >= 7 && a.recommend <= 8 ? sign : 0, a.recommend <= 6 ? sign : 0);
  return v;
}
