// The course-development capability end to end, through the pages: a needs round answered by
// three staff at their own desks, a project for a top need, a draft synced from the content
// folder and reviewed, two trial lectures (revise, then accept), HR entering the accepted version
// into the library, a trainee reading it, and the trial's trainer qualified for it.
import { addLocalDays, localDay } from "#app/lib/clock";
import { db } from "#app/lib/db.server";
import { authorSavesDraft, decide, ownBrowser, scheduleTrial, score, trialCard } from "./course-development-steps";
import { expect, test } from "./fixtures";

test("from a needs round to a course in the library, taught by a trainer the trial qualified", async ({
  page,
  browser,
  baseURL,
  loginAs,
  newUser,
}) => {
  // A dozen sign-ins, two syncs of the content folder and some forty pages on a shared machine.
  test.setTimeout(300_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const today = localDay(new Date());

  // The people: HR, three back-office staff, a project team of four trainers and a trainee.
  const team = await db.team.create({ data: { name: `E2E journey ${tag}` }, select: { id: true } });
  await db.teamAudience.create({ data: { teamId: team.id, kind: "back" } });
  const hr = await newUser({ roles: ["HR"], name: `HR ${tag}` });
  const staff = [await newUser(), await newUser(), await newUser()];
  await db.user.updateMany({ where: { id: { in: staff.map((s) => s.id) } }, data: { teamId: team.id } });
  const chair = await newUser({ roles: ["TRAINER"], name: `Chair ${tag}` });
  const expert = await newUser({ roles: ["TRAINER"], name: `Expert ${tag}` });
  const author = await newUser({ roles: ["TRAINER"], name: `Author ${tag}` });
  const reviewer = await newUser({ roles: ["TRAINER"], name: `Reviewer ${tag}` });
  const learner = await newUser({ roles: ["TRAINEE"], name: `Learner ${tag}`, firstTeam: true });

  // 1. HR opens a needs round for the back office with two topics of its own.
  const refund = `Refund rules ${tag}`;
  const night = `Night handover ${tag}`;
  await loginAs(hr.email);
  await page.goto("/needs/new");
  await page.getByLabel("Audience").selectOption("back");
  await page.getByLabel("Closing date").fill(addLocalDays(today, 7));
  await page.getByLabel("Other topics").fill(`${refund}\n${night}`);
  await page.getByRole("button", { name: "Open the survey" }).click();
  await expect(page).toHaveURL(/\/needs\/\d+\/results$/);
  const roundId = Number(/\/needs\/(\d+)\/results/.exec(page.url())![1]);

  // 2. Three staff answer, each in a browser of their own. Refund: 3 + 3 + 2 points; night: 2 + 2 + 3.
  const answers = [
    [refund, night],
    [refund, night],
    [night, refund],
  ] as const;
  for (const [i, person] of staff.entries()) {
    const desk = await ownBrowser(browser, baseURL!, person.email);
    await desk.page.goto(`/needs/${roundId}`);
    await desk.page.getByLabel("1st choice").selectOption({ label: answers[i]![0] });
    await desk.page.getByLabel("2nd choice").selectOption({ label: answers[i]![1] });
    await desk.page.getByRole("button", { name: "Submit answer" }).click();
    await expect(desk.page.getByText("Answer saved")).toBeVisible();
    await desk.close();
  }

  // 3. The results show the top two; HR starts a project for the first.
  await page.goto(`/needs/${roundId}/results`);
  const top = page.getByRole("table", { name: "Needs ranking (points)" }).locator('tr[data-top="true"]');
  await expect(top).toHaveCount(2);
  await expect(top.nth(0)).toContainText(refund);
  await expect(top.nth(1)).toContainText(night);
  await top.nth(0).getByRole("link", { name: "Start a course project" }).click();
  await expect(page.getByLabel("The training need it answers")).toHaveValue(refund);
  const projectTitle = `Refund course ${tag}`;
  await page.getByLabel("Working title").fill(projectTitle);
  const team4 = [
    [chair, "chair"],
    [author, "author"],
    [reviewer, "reviewer"],
    [expert, "expert"],
  ] as const;
  for (const [i, [who, role]] of team4.entries()) {
    await page.getByLabel(`Member ${i + 1} · Person`).selectOption(String(who.id));
    await page.getByLabel(`Member ${i + 1} · Role`).selectOption(role);
  }
  await page.getByLabel("Milestone 1 · Due date").fill(addLocalDays(today, 21));
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();
  await expect(page.getByTestId("project-stage")).toHaveText("Drafting");
  const projectUrl = new URL(page.url()).pathname;

  // 4. The author's draft file syncs; the author links it and sees it with its check results.
  const slug = `e2e-journey-${tag}`;
  const courseTitle = `Refund rules in practice ${tag}`;
  await authorSavesDraft({ slug, title: courseTitle, body: "## 开场\n您好，我来帮您查退款\n\n## 处理\n核对订单\n" });
  await loginAs(author.email);
  await page.goto(projectUrl);
  await page.getByLabel("Course slug").fill(slug);
  await page.getByRole("button", { name: "Link", exact: true }).click();
  const versions = page.getByTestId(`versions-${slug}`);
  await expect(versions.getByRole("rowheader")).toHaveText(["Version 1"]);
  await expect(versions.getByRole("row").nth(1).locator(".badge--ok")).toHaveText(["Passed", "Passed"]);

  // 5. The reviewer comments on a section of that version.
  await loginAs(reviewer.email);
  await page.goto(projectUrl);
  await page.getByLabel("Section").selectOption({ label: "Version 1 · 处理" });
  await page.getByRole("textbox", { name: "Comment" }).fill("Name the refund deadlines.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByTestId("comments")).toContainText("Name the refund deadlines.");
  await expect(versions.getByRole("row").nth(1).getByRole("cell").last()).toHaveText("1");

  // 6. HR schedules the trial lecture of version 1; the chair and the expert score it.
  await loginAs(hr.email);
  await page.goto(projectUrl);
  await page.getByRole("link", { name: "Trial lecture and acceptance" }).click();
  await expect(page).toHaveURL(/\/trial$/);
  const trialUrl = new URL(page.url()).pathname;
  await scheduleTrial(page, {
    trainer: author.name,
    room: `Room ${tag}`,
    startsAt: `${addLocalDays(today, 3)}T10:00`,
    listener: learner.name,
    version: 1,
  });
  await loginAs(chair.email);
  await page.goto(trialUrl);
  await score(page, 1, 3, "Too few exercises.");
  await loginAs(expert.email);
  await page.goto(trialUrl);
  await score(page, 1, 4, "Clear, but short on practice.");
  await expect(trialCard(page, 1).getByTestId("panel-mean")).toHaveText("3.50");

  // 7. The chair asks for a revision.
  await loginAs(chair.email);
  await page.goto(trialUrl);
  await decide(page, 1, "revise", "Add a practice round on refund deadlines.");
  await page.goto(projectUrl);
  await expect(page.getByTestId("project-stage")).toHaveText("Revising");

  // 8. The author's next version syncs; HR schedules a second trial, scored again; the chair accepts.
  await authorSavesDraft({
    slug,
    title: courseTitle,
    body: "## 开场\n您好，我来帮您查退款\n\n## 处理\n核对订单和退款期限\n\n## 练习\n两人一组演练\n",
  });
  await page.reload();
  await expect(versions.getByRole("rowheader")).toHaveText(["Version 2", "Version 1"]);
  await loginAs(hr.email);
  await page.goto(trialUrl);
  await scheduleTrial(page, {
    trainer: author.name,
    room: `Room ${tag}`,
    startsAt: `${addLocalDays(today, 6)}T10:00`,
    listener: learner.name,
    version: 2,
  });
  await loginAs(chair.email);
  await page.goto(trialUrl);
  await score(page, 2, 4, "The practice round works.");
  await loginAs(expert.email);
  await page.goto(trialUrl);
  await score(page, 2, 5, "Ready.");
  await loginAs(chair.email);
  await page.goto(trialUrl);
  await expect(trialCard(page, 2).getByTestId("panel-mean")).toHaveText("4.50");
  await decide(page, 2, "accept");
  await page.goto(projectUrl);
  await expect(page.getByTestId("project-stage")).toHaveText("Accepted");

  // 9. HR enters the accepted version into the library.
  await loginAs(hr.email);
  await page.goto("/library");
  const row = page.locator(`tr[data-course="${slug}"]`);
  await expect(row).toContainText("accepted");
  await row.getByRole("button", { name: "Enter into library" }).click();
  await expect(page.locator(`tr[data-course="${slug}"]`)).toContainText("live");
  await page.goto(projectUrl);
  await expect(page.getByTestId("project-stage")).toHaveText("In the library");

  // 10. A trainee finds it in the catalogue and opens it: version 2.
  await loginAs(learner.email);
  await page.goto(`/courses?q=${encodeURIComponent(tag)}`);
  await page.getByRole("link", { name: courseTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: courseTitle })).toBeVisible();
  await expect(page.getByRole("main").getByRole("heading", { name: "练习" })).toBeVisible();

  // 11. The trial's trainer is qualified for it.
  await loginAs(hr.email);
  await page.goto(`/trainers?q=${encodeURIComponent(author.name)}`);
  const listed = page.getByRole("row").filter({ has: page.getByRole("link", { name: author.name }) });
  await expect(listed.getByRole("cell").first()).toHaveText("1");
  await listed.getByRole("link", { name: author.name }).click();
  const quals = page.getByTestId("qualifications");
  await expect(quals).toContainText(courseTitle);
  await expect(quals.getByRole("row").filter({ hasText: courseTitle })).toContainText("Trial lecture passed");
  // Both trial lectures are listed with their panel means, the accepted one first.
  const trials = page.getByRole("region", { name: "Trial-lecture scores" }).getByRole("row");
  await expect(trials.filter({ hasText: courseTitle }).locator("td:nth-of-type(1)")).toHaveText(["4.5", "3.5"]);
});
