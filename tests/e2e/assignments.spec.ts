import { coverage } from "#app/assignments/coverage.server";
import { addLocalDays, localDay, parseLocal } from "#app/lib/clock";
import { db } from "#app/lib/db.server";
import { expect, test } from "./fixtures";

test("a lead assigns a course to their team, a member completes it, coverage and its CSV show it, then one is overdue", async ({
  page,
  loginAs,
  newUser,
}) => {
  // Several pages, two sign-ins and data arranged in between: more than the default budget.
  test.setTimeout(120_000);
  const team = await db.team.create({
    data: { name: `E2E assign ${Date.now().toString(36)}` },
    select: { id: true, name: true },
  });
  const lead = await newUser({ roles: ["LEAD", "TRAINEE"], name: "E2E Lead" });
  const members = [await newUser({ name: "E2E Member A" }), await newUser({ name: "E2E Member B" })];
  await db.team.update({
    where: { id: team.id },
    data: { leads: { connect: { id: lead.id } }, members: { connect: [lead, ...members].map((u) => ({ id: u.id })) } },
  });
  const course = await db.course.findFirstOrThrow({
    where: { liveVersionId: { not: null }, status: { not: "retired" } },
    orderBy: { id: "asc" },
    select: { id: true, titleEn: true },
  });
  const due = addLocalDays(localDay(new Date()), 7);

  await loginAs(lead.email);
  await page.goto("/assignments");
  await page.getByLabel("Course or series").selectOption({ label: course.titleEn });
  await page.getByLabel(team.name).check();
  await page.getByLabel("Due date").fill(due);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status")).toContainText("Assigned to 3 people.");
  await expect(page.getByRole("row", { name: new RegExp(course.titleEn) }).first()).toContainText("0 of 3 done");

  // Member A attends a delivered class of the course: that completes it.
  const trainer = await newUser({ roles: ["TRAINER"] });
  const startsAt = new Date(Date.now() - 3_600_000);
  await db.trainingSession.create({
    data: {
      trainerId: trainer.id,
      courseId: course.id,
      startsAt,
      endsAt: new Date(),
      status: "delivered",
      deliveredAt: new Date(),
      attendees: { create: [{ userId: members[0]!.id, attendance: "present" }] },
    },
  });

  await page.goto(`/coverage?team=${team.id}&assigned=1`);
  const row = page.getByRole("row", { name: new RegExp(course.titleEn) });
  await expect(row.locator('td[data-state="done"]')).toHaveText("1 (33%)");
  await expect(row.locator('td[data-state="overdue"]')).toHaveText("0 (0%)");
  const csv = await page.request.get(`/coverage.csv?team=${team.id}&assigned=1`);
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain(`${team.name},${course.titleEn},3,1,33,`);

  // Member B completes the lesson too; past the due day only the lead is overdue.
  const version = await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { currentVersionId: true } });
  await db.courseProgress.create({
    data: {
      userId: members[1]!.id,
      courseId: course.id,
      courseVersionId: version.currentVersionId!,
      quizPassed: true,
      completedAt: new Date(),
    },
  });
  const later = await coverage(
    { teamIds: null, team: team.id, assignedOnly: true },
    parseLocal(addLocalDays(due, 1), "09:00")!,
  );
  expect(later.find((c) => c.courseId === course.id)?.counts).toEqual({ done: 2, progress: 0, new: 0, overdue: 1 });

  await loginAs(members[0]!.email);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Courses assigned to me" })).toContainText("Completed");
});
