// Course development: the project page of a course with 30 synced versions of a lesson of about
// 20,000 characters, showing the checks of every version and the side-by-side diff of the newest
// two (the page's default). The versions are written straight into the database, as a long
// series of syncs would have left them.
import { createHash } from "node:crypto";
import { pageRows } from "../lib/page-rows";
import { openDb } from "../lib/session-row";
import type { Scenario } from "../lib/types";

const VERSIONS = 30;
const SLUG = "bench-development-lesson";
let projectId = 0;

/** About 20,000 characters in 20 sections; version n rewords a few paragraphs of its own. */
function lesson(n: number): string {
  const out: string[] = [];
  for (let s = 1; s <= 20; s++) {
    out.push(`## 第 ${s} 节 投诉处理要点`, "");
    for (let p = 1; p <= 6; p++) {
      const edited = (s * 7 + p) % VERSIONS === n % VERSIONS;
      out.push(
        edited
          ? `第 ${p} 段（第 ${n} 版修改）：先安抚客户情绪，再复述问题，确认理解无误后给出处理时限，并说明后续回访的安排。`
          : `第 ${p} 段：先倾听客户的完整描述，不打断，不争辩；记录关键信息，复述确认，再给出明确的处理方案与时限。`,
        "",
      );
    }
  }
  return out.join("\n");
}

const sections = JSON.stringify(
  Array.from({ length: 20 }, (_, i) => ({ id: `s${i + 1}`, title: `第 ${i + 1} 节 投诉处理要点` })),
);

const scenario: Scenario = {
  name: "development",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const template = db
        .prepare("SELECT v.frontMatter AS fm FROM Course c JOIN CourseVersion v ON v.id = c.currentVersionId LIMIT 1")
        .get() as { fm: string } | undefined;
      const hr = db.prepare("SELECT id FROM User WHERE email = 'hr@weike.test'").get() as { id: number } | undefined;
      const trainer = db.prepare("SELECT id FROM User WHERE email = 'trainer@weike.test'").get() as
        { id: number } | undefined;
      if (!template || !hr || !trainer) throw new Error("the bench needs the seeded courses, HR and a trainer");
      const fm = JSON.stringify({ ...JSON.parse(template.fm), slug: SLUG, status: "draft" });
      db.transaction(() => {
        const courseId = Number(
          db
            .prepare(
              "INSERT INTO Course (slug, titleZh, titleEn, area, status, updatedAt) VALUES (?, '投诉处理（开发中）', 'Complaint handling (draft)', 'customer-service', 'draft', CURRENT_TIMESTAMP)",
            )
            .run(SLUG).lastInsertRowid,
        );
        const insVersion = db.prepare(
          "INSERT INTO CourseVersion (courseId, version, contentHash, frontMatter, body, sections) VALUES (?, ?, ?, ?, ?, ?)",
        );
        let last = 0;
        for (let n = 1; n <= VERSIONS; n++) {
          const body = lesson(n);
          const hash = createHash("sha256").update(body).digest("hex");
          last = Number(insVersion.run(courseId, n, hash, fm, body, sections).lastInsertRowid);
        }
        db.prepare("UPDATE Course SET currentVersionId = ? WHERE id = ?").run(last, courseId);
        projectId = Number(
          db
            .prepare(
              "INSERT INTO CourseProject (title, format, stage, ownerId, updatedAt) VALUES ('投诉处理内化（压测）', 'm60', 'revising', ?, CURRENT_TIMESTAMP)",
            )
            .run(hr.id).lastInsertRowid,
        );
        db.prepare("INSERT INTO ProjectMember (projectId, userId, role) VALUES (?, ?, 'author')").run(
          projectId,
          trainer.id,
        );
        db.prepare("INSERT INTO ProjectCourse (projectId, courseId) VALUES (?, ?)").run(projectId, courseId);
      })();
    } finally {
      db.close();
    }
  },
  async run(ctx) {
    return pageRows(ctx, {
      scenario: "development",
      title: `development project page, ${VERSIONS} versions × 20,000 characters, diff of the newest two (HR)`,
      path: `/development/${projectId}`,
      headers: { cookie: ctx.cookieFor("hr@weike.test") },
      p95Ms: 150,
    });
  },
};

export default scenario;
