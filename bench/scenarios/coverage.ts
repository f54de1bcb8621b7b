// Coverage report: 2,000 agents in 20 teams × 100 library courses with 200,000 progress rows
// (60 % completed) and one assignment per team. Measures the HR page and its CSV, p50/p95 alone
// and under 10 connections; target p95 ≤ 1 s each.
import { pageRows } from "../lib/page-rows";
import { openDb } from "../lib/session-row";
import type { Scenario } from "../lib/types";

const AGENTS = 2_000;
const TEAMS = 20;
const COURSES = 100;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const scenario: Scenario = {
  name: "coverage",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const rnd = rng(15);
      const now = Date.now();
      const hr = db.prepare("SELECT userId FROM UserRole WHERE role = 'HR' LIMIT 1").get() as { userId: number };
      db.transaction(() => {
        const insTeam = db.prepare("INSERT INTO Team (name) VALUES (?)");
        const teams = Array.from({ length: TEAMS }, (_, i) => Number(insTeam.run(`bench-cov-${i}`).lastInsertRowid));
        const insUser = db.prepare(
          "INSERT INTO User (email, name, employeeNo, passwordHash, teamId, updatedAt) VALUES (?, ?, ?, 'x', ?, ?)",
        );
        const insRole = db.prepare("INSERT INTO UserRole (userId, role) VALUES (?, 'TRAINEE')");
        const users: number[] = [];
        for (let i = 0; i < AGENTS; i++) {
          const id = Number(
            insUser.run(`bench-cov-${i}@weike.test`, `Cov ${i}`, `BC${i}`, teams[i % TEAMS], iso(now)).lastInsertRowid,
          );
          insRole.run(id);
          users.push(id);
        }
        const insCourse = db.prepare(
          "INSERT INTO Course (slug, titleZh, titleEn, area, status, updatedAt) VALUES (?, ?, ?, 'business', 'accepted', ?)",
        );
        const insVersion = db.prepare(
          "INSERT INTO CourseVersion (courseId, version, contentHash, frontMatter, body) VALUES (?, 1, 'h', '{}', 'b')",
        );
        const setCurrent = db.prepare("UPDATE Course SET currentVersionId = ? WHERE id = ?");
        const courses: { id: number; version: number }[] = [];
        for (let c = 0; c < COURSES; c++) {
          const id = Number(insCourse.run(`bench-cov-${c}`, `覆盖 ${c}`, `Coverage ${c}`, iso(now)).lastInsertRowid);
          const version = Number(insVersion.run(id).lastInsertRowid);
          setCurrent.run(version, id);
          courses.push({ id, version });
        }
        const insProgress = db.prepare(
          "INSERT INTO CourseProgress (userId, courseId, courseVersionId, quizPassed, completedAt, startedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
        );
        for (const u of users)
          for (const c of courses) {
            const done = rnd() < 0.6;
            const at = iso(now - Math.floor(rnd() * 300) * 86_400_000);
            insProgress.run(u, c.id, c.version, done ? 1 : 0, done ? at : null, at, at);
          }
        const insAssignment = db.prepare(
          "INSERT INTO Assignment (courseId, dueDay, teamId, createdById) VALUES (?, '2026-01-15', ?, ?)",
        );
        const insMember = db.prepare("INSERT INTO AssignmentMember (assignmentId, userId) VALUES (?, ?)");
        teams.forEach((teamId, i) => {
          const a = Number(insAssignment.run(courses[i]!.id, teamId, hr.userId).lastInsertRowid);
          users.filter((_, k) => k % TEAMS === i).forEach((u) => insMember.run(a, u));
        });
      })();
    } finally {
      db.close();
    }
  },
  async run(ctx) {
    // The server's start-up sync retires every course without a file in the content folder, and
    // these exist only in the database: put them back in the library, or the page would count
    // the seeded courses only.
    const db = openDb(ctx.dbFile);
    try {
      const back = db.prepare("UPDATE Course SET status = 'accepted' WHERE slug LIKE 'bench-cov-%'").run().changes;
      if (back !== COURSES) throw new Error(`expected ${COURSES} coverage courses, found ${back}`);
    } finally {
      db.close();
    }
    const hr = { cookie: ctx.cookieFor("hr@weike.test") };
    return [
      ...(await pageRows(ctx, {
        scenario: "coverage",
        title: `coverage page, HR, ${AGENTS} agents × ${COURSES} courses`,
        path: "/coverage",
        headers: hr,
        p95Ms: 1000,
        amount: 10,
      })),
      ...(await pageRows(ctx, {
        scenario: "coverage",
        title: "coverage CSV, HR",
        path: "/coverage.csv",
        headers: hr,
        p95Ms: 1000,
        amount: 10,
      })),
    ];
  },
};

export default scenario;
