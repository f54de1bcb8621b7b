// A proctored sitting in real browsers: a trainer opens one, a trainee joins with the code read
// out in the room and starts the typing exam, the trainer's live page shows them, the trainer
// voids the attempt, and the trainee's history shows it voided with the reason.
import { createSessionFor, expect, test } from "./fixtures";

test("a trainer opens a sitting, a trainee joins and starts, the trainer voids the attempt", async ({
  page,
  browser,
  baseURL,
  loginAs,
  newUser,
}) => {
  test.setTimeout(90_000);
  const trainer = await newUser({ roles: ["TRAINER"] });
  const trainee = await newUser({ name: `Sitting trainee ${Date.now().toString(36)}`, firstTeam: true });

  await loginAs(trainer.email);
  await page.goto("/exams/sittings");
  await page.getByLabel("Exam").selectOption("typing:zh");
  await page.getByRole("button", { name: "Open sitting" }).click();
  await expect(page).toHaveURL(/\/exams\/sittings\/\d+$/);
  const code = (await page.getByTestId("sitting-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  await expect(page.getByText("Nobody has joined yet.")).toBeVisible();

  // The trainee, in a browser of their own.
  const context = await browser.newContext();
  await context.addCookies([
    { name: "weike_session", value: await createSessionFor(trainee.email), url: baseURL!, httpOnly: true },
    { name: "lang", value: "en", url: baseURL! },
  ]);
  const tp = await context.newPage();
  await tp.goto("/exams/join");
  await tp.getByLabel("Access code").fill(code.toLowerCase());
  await tp.getByRole("button", { name: "Join" }).click();
  await expect(tp.getByTestId("joined-sittings")).toBeVisible();
  await tp.getByRole("link", { name: "Start the exam" }).click();
  await tp.getByRole("button", { name: "Start the clock" }).click();

  // The trainer's page refreshes itself and shows the trainee at work.
  const row = page.getByRole("row", { name: new RegExp(trainee.name) });
  await expect(row.getByTestId("progress")).toHaveText("In progress", { timeout: 20_000 });

  await row.getByPlaceholder("Reason for voiding").fill("Phone on the desk");
  await row.getByRole("button", { name: "Void" }).click();
  await expect(row.getByTestId("progress")).toContainText("Voided · Phone on the desk");

  await tp.goto(`/exams/history/${trainee.id}`);
  await expect(tp.getByTestId("uncounted")).toHaveText("Voided: Phone on the desk");
  await context.close();
});
