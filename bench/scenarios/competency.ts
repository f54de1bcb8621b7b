// Competency profiles: a team heatmap of 60 members (each with drill, exam and self-assessment
// evidence) and one member's profile page, read by HR. The heatmap reads its evidence with one
// query per kind for the whole team, so its time should not grow with the members' rows.
import { COMPETENCY_IDS } from "../../app/content/competencies";
import { pageRows } from "../lib/page-rows";
import { openDb } from "../lib/session-row";
import type { Scenario } from "../lib/types";

const MEMBERS = 60;
const TEAM = "bench:competency 热线六十人组";
const EXAMS = ["typing:zh", "response", "quick-reply", "quiz:big-sale-knowledge", "quiz:product-skincare"] as const;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

let teamId = 0;
let personId = 0;

const scenario: Scenario = {
  name: "competency",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const rnd = rng(15);
      const level = () => 1 + Math.floor(rnd() * 5);
      const now = Date.now();
      db.transaction(() => {
        teamId = Number(db.prepare("INSERT INTO Team (name) VALUES (?)").run(TEAM).lastInsertRowid);
        const insUser = db.prepare(
          "INSERT INTO User (email, name, employeeNo, passwordHash, grade, teamId, updatedAt) VALUES (?, ?, ?, 'x', ?, ?, ?)",
        );
        const insRole = db.prepare("INSERT INTO UserRole (userId, role) VALUES (?, 'TRAINEE')");
        const insResult = db.prepare(
          "INSERT INTO ExamResult (userId, exam, passed, valid, score, figures, createdAt) VALUES (?, ?, 1, 1, ?, ?, ?)",
        );
        const insSelf = db.prepare(
          "INSERT INTO SelfAssessment (userId, period, scores, createdAt) VALUES (?, ?, ?, ?)",
        );
        const grades = ["junior", "intermediate", "senior", "expert"];
        for (let m = 0; m < MEMBERS; m++) {
          const id = Number(
            insUser.run(`bench-comp-${m}@weike.test`, `学员${m}`, `BC-${m}`, grades[m % 4], teamId, iso(now))
              .lastInsertRowid,
          );
          if (m === 0) personId = id;
          insRole.run(id);
          // Three drills of four indicators each, and two of every exam over the last months.
          for (let d = 0; d < 3; d++) {
            const picked = COMPETENCY_IDS.filter((_, i) => (i + d) % 3 === 0).slice(0, 4);
            const scores = Object.fromEntries(picked.map((k) => [k, level()]));
            insResult.run(
              id,
              "drill",
              3,
              JSON.stringify({ scores, indicators: picked }),
              iso(now - (d + 1) * 86400_000 * 9),
            );
          }
          for (const exam of EXAMS)
            for (let k = 0; k < 2; k++)
              insResult.run(
                id,
                exam,
                exam === "response" ? 15 + rnd() * 50 : 40 + rnd() * 60,
                "{}",
                iso(now - (k + 1) * 86400_000 * 7),
              );
          const self = Object.fromEntries(COMPETENCY_IDS.map((k) => [k, level()]));
          insSelf.run(id, "2026-01", JSON.stringify(self), iso(now - 30 * 86400_000));
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
        scenario: "competency",
        title: `team competency heatmap, ${MEMBERS} members (/competency/teams/:id)`,
        path: `/competency/teams/${teamId}`,
        headers: hr,
        p95Ms: 200,
      })),
      ...(await pageRows(ctx, {
        scenario: "competency",
        title: "competency profile page of one member (/competency/people/:id)",
        path: `/competency/people/${personId}`,
        headers: hr,
        p95Ms: 200,
      })),
    ];
  },
};

export default scenario;
