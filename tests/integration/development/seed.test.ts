import path from "node:path";
import { expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { db } from "~/lib/db.server";
import { seedDevelopment } from "../../../prisma/seed/development";
import { seedUsers } from "../../../prisma/seed/users";

it("the demo project links a trial course, has its team, milestones and a comment on a real section; once", async () => {
  await seedUsers(db);
  await syncContent(path.resolve("content"), { log: () => {}, warn: () => {} });
  expect(await seedDevelopment(db)).toBe(1);
  expect(await seedDevelopment(db)).toBe(0);
  const p = await db.courseProject.findFirstOrThrow({
    select: {
      members: { select: { role: true } },
      milestones: { select: { doneAt: true } },
      courses: { select: { course: { select: { status: true } } } },
      comments: { select: { section: true, courseVersion: { select: { sections: true } } } },
    },
  });
  expect(p.members.filter((m) => m.role === "chair")).toHaveLength(1);
  expect(p.milestones.some((m) => !m.doneAt)).toBe(true);
  expect(p.courses[0]?.course.status).toBe("trial");
  const c = p.comments[0]!;
  expect((JSON.parse(c.courseVersion.sections) as { id: string }[]).map((s) => s.id)).toContain(c.section);
});
