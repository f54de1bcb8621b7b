// Issue 15's "done means" as one journey: a trainee's self-assessment and a drill score give a
// profile with its top gap and a recommended course; the lead assigns that course to the team due
// in a week; a member completes it; coverage (page and CSV) shows the team's share; once the due
// day has passed the other member is overdue.
//
// Two steps are arranged in the database rather than clicked: the member's completion is a
// delivered class with them marked present (what the trainer's attendance sheet stores), and the
// passing of the due day is the assignment's due day moved to yesterday — the app reads the clock
// of the machine, which a test does not move.
import { addLocalDays, localDay } from "#app/lib/clock";
import { db } from "#app/lib/db.server";
import { scoreDrill, selfAssessAllFair } from "./competency-steps";
import { expect, test } from "./fixtures";

test("gap → recommended course → team assignment → completion → coverage → overdue", async ({
  page,
  loginAs,
  newUser,
}) => {
  // Four people, five pages each way and a CSV: more than the default budget.
  test.setTimeout(150_000);
  const team = await db.team.create({
    data: { name: `E2E journey ${Date.now().toString(36)}` },
    select: { id: true, name: true },
  });
  const lead = await newUser({ roles: ["LEAD", "TRAINEE"], name: `E2E Lead ${team.id}` });
  const me = await newUser({ name: `E2E Gap ${team.id}` });
  const other = await newUser({ name: `E2E Late ${team.id}` });
  // The lead leads the team without being in it: the team is the two members.
  await db.team.update({
    where: { id: team.id },
    data: { leads: { connect: { id: lead.id } }, members: { connect: [me, other].map((u) => ({ id: u.id })) } },
  });

  // 1. The trainee's self-assessment and the trainer's drill: communication is the gap.
  await loginAs(me.email, "en");
  await selfAssessAllFair(page);
  await scoreDrill(await loginAs("trainer@weike.test", "en"), me, { communication: 1 });
  await loginAs(me.email, "en");
  await page.goto("/competency");
  await expect(page.getByRole("img", { name: "Level against the grade's target" })).toBeVisible();
  const recs = page.getByRole("region", { name: "Courses for your competency gaps" });
  await expect(recs).toContainText("Interpersonal communication 1 / target 2, weight 11.55");
  const href = await recs.getByRole("link").first().getAttribute("href");
  const slug = /^\/courses\/([^/?#]+)/.exec(href ?? "")?.[1];
  expect(slug, `a course link, not ${href}`).toBeTruthy();
  const course = await db.course.findUniqueOrThrow({
    where: { slug: decodeURIComponent(slug!) },
    select: { id: true, titleEn: true, currentVersionId: true },
  });

  // 2. The lead assigns that course to the team, due in a week.
  const today = localDay(new Date());
  await loginAs(lead.email, "en");
  await page.goto("/assignments");
  await page.getByLabel("Course or series").selectOption({ label: course.titleEn });
  await page.getByLabel(team.name).check();
  await page.getByLabel("Due date").fill(addLocalDays(today, 7));
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status")).toContainText("Assigned to 2 people.");
  await expect(page.getByRole("row", { name: new RegExp(course.titleEn) }).first()).toContainText("0 of 2 done");

  // 3. The trainee attends a delivered class of the course: that completes it.
  const trainer = await newUser({ roles: ["TRAINER"] });
  await db.trainingSession.create({
    data: {
      trainerId: trainer.id,
      courseId: course.id,
      startsAt: new Date(Date.now() - 3_600_000),
      endsAt: new Date(),
      status: "delivered",
      deliveredAt: new Date(),
      attendees: { create: [{ userId: me.id, attendance: "present" }] },
    },
  });

  // 4. Coverage: one of two done (50%), nobody overdue yet; the CSV says the same.
  await page.goto(`/coverage?team=${team.id}&assigned=1`);
  const row = page.getByRole("row", { name: new RegExp(course.titleEn) });
  await expect(row.locator('td[data-state="done"]')).toHaveText("1 (50%)");
  await expect(row.locator('td[data-state="overdue"]')).toHaveText("0 (0%)");
  const csv = await page.request.get(`/coverage.csv?team=${team.id}&assigned=1`);
  expect(csv.status()).toBe(200);
  // team, course, people, done, done %, in progress, not started, overdue, overdue %
  expect((await csv.body()).toString("utf8")).toContain(`${team.name},${course.titleEn},2,1,50,0,1,0,0`);

  // 5. The due day passes: the member who has not done it is overdue, the one who has is not.
  await db.assignment.updateMany({
    where: { teamId: team.id, courseId: course.id },
    data: { dueDay: addLocalDays(today, -1) },
  });
  await page.goto(`/coverage?team=${team.id}&assigned=1`);
  await expect(row.locator('td[data-state="overdue"]')).toHaveText("1 (50%)");
  await expect(row.locator('td[data-state="done"]')).toHaveText("1 (50%)");
  await row.getByRole("link", { name: course.titleEn }).click();
  const people = page.locator("#people");
  await expect(people.getByRole("row", { name: new RegExp(other.name) })).toContainText("Overdue");
  await expect(people.getByRole("row", { name: new RegExp(me.name) })).toContainText("Completed");
  const after = await page.request.get(`/coverage.csv?team=${team.id}&assigned=1`);
  expect((await after.body()).toString("utf8")).toContain(`${team.name},${course.titleEn},2,1,50,0,0,1,50`);

  // 6. With these rows on them, the lead's two pages fit a phone: wide tables scroll in their box.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of [page.url(), "/assignments"]) {
    await page.goto(url);
    const sideways = await page.evaluate(() => {
      const se = document.scrollingElement!;
      return se.scrollWidth - se.clientWidth;
    });
    expect(sideways, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
