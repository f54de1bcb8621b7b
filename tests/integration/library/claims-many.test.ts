// A cold sync of a large library: every file may claim `accepted` before anyone recorded an
// acceptance. The check must report each claim however many there are (SQLite caps the number
// of bound parameters in one statement at 999).
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { unrecordedClaims } from "~/library/claims.server";

const COUNT = 1_200;

describe("unrecorded accepted claims", () => {
  it("reports every claim of a library larger than one statement's parameter limit", async () => {
    const slugs = Array.from({ length: COUNT }, (_, i) => `claims-many-${i}`);
    const courses = await db.course.createManyAndReturn({
      data: slugs.map((slug, i) => ({
        slug,
        position: i + 1,
        titleZh: slug,
        titleEn: slug,
        area: "business",
        status: "accepted",
      })),
      select: { id: true, slug: true },
    });
    const versions = await db.courseVersion.createManyAndReturn({
      data: courses.map((c) => ({
        courseId: c.id,
        version: 1,
        contentHash: c.slug,
        frontMatter: "{}",
        body: "",
        sections: "[]",
      })),
      select: { id: true, courseId: true },
    });
    // One statement for all (an update per course would dominate the test).
    await db.$executeRaw`UPDATE "Course" SET "currentVersionId" = (SELECT v.id FROM "CourseVersion" v WHERE v."courseId" = "Course".id) WHERE slug LIKE 'claims-many-%'`;
    // One of them was accepted: only the others are claims nobody recorded.
    const [first] = versions;
    await db.courseAcceptance.create({
      data: { courseId: first!.courseId, courseVersionId: first!.id, decision: "accept" },
    });

    const tree = slugs.map((slug) => ({ path: `courses/s/${slug}.md`, data: { slug }, lineOf: () => 9 }));
    const problems = await unrecordedClaims(tree);
    expect(problems).toHaveLength(COUNT - 1);
    expect(problems.map((p) => p.path)).not.toContain(`courses/s/${slugs[0]}.md`);
  }, 120_000);
});
