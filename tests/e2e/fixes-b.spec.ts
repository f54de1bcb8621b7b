// Usability defects seen only in the browser: drill feedback in the English UI, classroom-only
// courses in the catalogue.
import { expect, test } from "./fixtures";

test("English drill result says which Chinese words were missing, with a gloss", async ({ page, loginAs, newUser }) => {
  test.setTimeout(90_000);
  const me = await newUser({ like: "trainee@weike.test" });
  await loginAs(me.email, "en");
  await page.goto("/exams/response");
  await page.getByRole("button", { name: "Start the chat" }).click();
  const log = page.getByTestId("chat-log");
  await expect(log.locator("li").first()).not.toBeEmpty();
  await page.waitForTimeout(6000); // a human moment: faster replies are refused
  const box = page.getByLabel("Your reply");
  await box.fill("好的");
  await box.press("Enter");
  await expect(log.locator("li")).not.toHaveCount(1);
  await page.getByRole("button", { name: "End the drill" }).click();
  await expect(page).toHaveURL(/\/exams\/results\/\d+/, { timeout: 15_000 });
  // Load the result as a document: this test is about what the page says, not the hand-over.
  await page.goto(page.url());
  await expect(page.getByTestId("result-verdict")).toBeVisible({ timeout: 15_000 });
  const missed = page.getByTestId("missed-facts").first();
  await expect(missed).toContainText("Say (in Chinese): 「");
  // Every script's facts carry an English gloss after the Chinese words.
  await expect(missed.locator("li").first()).toContainText("」 — ");
  await expect(page.getByTestId("transcript").getByTestId("missed-facts").first()).toContainText("Say (in Chinese)");
});

test("catalogue names classroom-only courses with a request link and no lesson link", async ({ page, loginAs }) => {
  await loginAs("lead@weike.test", "en");
  await page.goto("/courses");
  const section = page.getByTestId("classroom-only");
  await expect(section.getByRole("heading", { name: "Classroom-only courses" })).toBeVisible();
  await expect(section.getByText("Classroom only").first()).toBeVisible();
  await expect(section.locator('a[href^="/courses/"]')).toHaveCount(0);
  const request = section.getByRole("link", { name: "Request this training" }).first();
  await expect(request).toHaveAttribute("href", /^\/requests\/new\?course=[a-z0-9-]+$/);
  await request.click();
  await expect(page).toHaveURL(/\/requests\/new\?course=/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
