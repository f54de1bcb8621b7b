// Trainer qualifications in Chromium: HR grants a qualification and a 金讲台 certificate and the
// trainer sees both on their own page; scheduling a trainer who is not qualified asks for a reason.
import { e2eDb, expect, test } from "./fixtures";

/** A local (UTC+8) date some days from today. */
function day(offset: number) {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

function courseId(slug = "complaint-four-steps"): number {
  const db = e2eDb();
  try {
    return (db.prepare("SELECT id FROM Course WHERE slug = ?").get(slug) as { id: number }).id;
  } finally {
    db.close();
  }
}

test("HR grants a qualification and a 金讲台 certificate; the trainer's page shows them", async ({
  page,
  loginAs,
  newUser,
}) => {
  test.setTimeout(90_000);
  const trainer = await newUser({ roles: ["TRAINER"], name: "讲师 新秀" });
  await loginAs("hr@weike.test");
  await page.goto("/trainers");
  await page.getByLabel("Search name or e-mail").fill("新秀");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.getByRole("link", { name: "讲师 新秀" }).click();
  await expect(page).toHaveURL(`/trainers/${trainer.id}`);
  await expect(page.getByText("No qualification recorded yet.")).toBeVisible();
  await expect(page.getByText(/No scored trial lecture yet/)).toBeVisible();

  // A grant without a reason is refused with a message; nothing is stored.
  await page.getByLabel("Course", { exact: true }).selectOption(String(courseId()));
  await page.getByRole("button", { name: "Grant qualification" }).click();
  await expect(page.getByText("Please give a reason.")).toBeVisible();
  await expect(page.getByTestId("qualifications")).toHaveCount(0);

  await page.getByLabel("Course", { exact: true }).selectOption(String(courseId()));
  await page.getByLabel("Reason", { exact: true }).fill("Co-taught three classes with strong feedback");
  await page.getByRole("button", { name: "Grant qualification" }).click();
  const quals = page.getByTestId("qualifications");
  await expect(quals).toContainText("Granted by HR");
  await expect(quals).toContainText("Co-taught three classes with strong feedback");

  // Valid-until before the issue day: refused, with the reason beside the field.
  await page.getByLabel("Certificate name").fill("金讲台");
  await page.getByLabel("Issued on").fill(day(-30));
  await page.getByLabel("Valid until").fill(day(-31));
  await page.getByRole("button", { name: "Save certificate" }).click();
  await expect(page.getByText("Valid until must be after the issue date.")).toBeVisible();
  await expect(page.getByTestId("certificates")).toHaveCount(0);
  await page.getByLabel("Valid until").fill(day(335));
  await page.getByRole("button", { name: "Save certificate" }).click();
  const certs = page.getByTestId("certificates");
  await expect(certs).toContainText("金讲台");
  await expect(certs).toContainText("Valid");

  // The trainer: /trainers is their own page, read-only.
  await loginAs(trainer.email);
  await page.goto("/trainers");
  await expect(page).toHaveURL(`/trainers/${trainer.id}`);
  await expect(page.getByTestId("certificates")).toContainText("金讲台");
  await expect(page.getByTestId("qualifications")).toContainText("Granted by HR");
  await expect(page.getByRole("button", { name: "Grant qualification" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
});

test("scheduling a trainer who is not qualified asks for a written reason", async ({ page, loginAs, newUser }) => {
  test.setTimeout(90_000);
  const newcomer = await newUser({ roles: ["TRAINER"], name: "讲师 候补" });
  const course = courseId();

  await loginAs("lead@weike.test");
  await page.goto("/requests/new");
  await page.getByLabel("Course or series").selectOption(`course:${course}`);
  await page.getByLabel("学员 刘洋", { exact: true }).check();
  await page.getByLabel("Before shift").check();
  await page.getByLabel("Preferred time 1").fill(`${day(52)}T17:00`);
  await page.getByLabel("Preferred time 2").fill(`${day(53)}T17:00`);
  await page.getByLabel("Need", { exact: true }).fill("新人需要投诉处理四步法。");
  await page.getByLabel("Priority").selectOption("3");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const url = new URL(page.url()).pathname;

  await loginAs("hr@weike.test");
  await page.goto(url);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");
  // Qualified trainers come first, in their own group; the newcomer is among the others.
  const picker = page.getByLabel("Trainer", { exact: true });
  await expect(picker.locator('optgroup[label="Qualified for this course"] option')).toContainText(["讲师 李娜"]);
  await expect(picker.locator('optgroup[label="Other trainers (give a reason)"] option')).toContainText(["讲师 候补"]);
  await picker.selectOption({ label: "讲师 候补" });
  const reason = page.getByLabel("Reason for a trainer not qualified for this course");
  await expect(reason).toHaveAttribute("required", "");
  await page.getByLabel("Date", { exact: true }).fill(day(52));
  await page.getByLabel("Start time").fill("17:00");
  await page.getByLabel("Online link (optional)").fill("https://meet.example/e2e-trainers");

  // Without the browser's check (as without JavaScript), the server refuses with a clear message.
  await reason.evaluate((el) => el.removeAttribute("required"));
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(
    page.getByText("This trainer is not qualified for the course yet: say why you chose them."),
  ).toBeVisible();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");

  await page.getByLabel("Trainer", { exact: true }).selectOption({ label: "讲师 候补" });
  await page.getByLabel("Reason for a trainer not qualified for this course").fill("讲师 李娜 on leave that week");
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Scheduled");
  expect(newcomer.id).toBeGreaterThan(0);
});
