// Needs survey: the results page of a round with 5,000 ranked answers (2,000 invited people in
// the seeded teams). Its figures are GROUP BY queries, so the page should cost about as much as a
// round with fifty answers. Records p50/p95 alone and under 10 connections; target p95 ≤ 300 ms.
import { pageRows } from "../lib/page-rows";
import { openDb } from "../lib/session-row";
import type { Scenario } from "../lib/types";

const PEOPLE = 2000;
const ANSWERS = 5000;
const TOPICS = 8;
let roundId = 0;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

const scenario: Scenario = {
  name: "needs",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const hr = db.prepare("SELECT id FROM User WHERE email = 'hr@weike.test'").get() as { id: number };
      const teams = (db.prepare("SELECT id FROM Team ORDER BY id").all() as { id: number }[]).map((t) => t.id);
      const competencies = ["communication", "understand-needs", "offer-solution", "product-knowledge", "teamwork"];
      db.transaction(() => {
        roundId = Number(
          db
            .prepare("INSERT INTO NeedsRound (year, audience, closesAt, openedById) VALUES (2099, 'all', ?, ?)")
            .run(iso(Date.now() + 30 * 86_400_000), hr.id).lastInsertRowid,
        );
        const insTopic = db.prepare(
          "INSERT INTO NeedsTopic (roundId, position, competency, label, source) VALUES (?, ?, ?, ?, ?)",
        );
        const topicIds: number[] = [];
        for (let i = 0; i < TOPICS; i++) {
          const c = competencies[i] ?? null;
          const r = insTopic.run(roundId, i + 1, c, c ? "" : `Topic ${i + 1}`, c ? "model" : "free");
          topicIds.push(Number(r.lastInsertRowid));
        }
        // Ids far above the seeded people: the survey tables hold person ids without a foreign key.
        const insInvite = db.prepare(
          "INSERT INTO NeedsInvite (roundId, userId, teamId, audience, answered) VALUES (?, ?, ?, ?, ?)",
        );
        const insAnswer = db.prepare(
          "INSERT INTO NeedsAnswer (roundId, userId, rank, topicId, teamId, audience) VALUES (?, ?, ?, ?, ?, ?)",
        );
        let left = ANSWERS;
        for (let p = 0; p < PEOPLE; p++) {
          const userId = 1_000_000 + p;
          const teamId = teams.length ? teams[p % teams.length]! : null;
          const audience = p % 5 === 0 ? "back" : "front";
          const picks = Math.min(left, p % 4 === 3 ? 1 : 3);
          insInvite.run(roundId, userId, teamId, audience, picks > 0 ? 1 : 0);
          for (let rank = 1; rank <= picks; rank++) {
            insAnswer.run(roundId, userId, rank, topicIds[(p * 7 + rank * 3) % TOPICS]!, teamId, audience);
          }
          left -= picks;
        }
      })();
    } finally {
      db.close();
    }
  },
  async run(ctx) {
    const hr = { cookie: ctx.cookieFor("hr@weike.test") };
    return [
      ...(await pageRows(ctx, {
        scenario: "needs",
        title: `needs results, ${ANSWERS} answers (HR)`,
        path: `/needs/${roundId}/results`,
        headers: hr,
        p95Ms: 300,
      })),
      ...(await pageRows(ctx, {
        scenario: "needs",
        title: `needs results CSV, ${ANSWERS} answers`,
        path: `/needs/${roundId}/results.csv`,
        headers: hr,
        p95Ms: 300,
      })),
    ];
  },
};

export default scenario;
