import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { expect, test } from "./fixtures";

type Question = { id: string; answer: string[] | string };
const SLUG = "payment-reminders-and-refunds";
const FILE = "content/courses/big-sale/02-payment-reminders-and-refunds.md";

function rightAnswers(): { id: string; keys: string[] }[] {
  const front = readFileSync(FILE, "utf8").split(/^---$/m)[1] ?? "";
  const fm = parseYaml(front) as { quiz: { questions: Question[] } };
  return fm.quiz.questions.map((q) => ({ id: q.id, keys: Array.isArray(q.answer) ? q.answer : [q.answer] }));
}

test("a trainee finds a course by a Chinese keyword, reads it, passes the quiz and sees it completed", async ({
  loginAs,
  newUser,
}) => {
  // A section counts only after the server has seen its reading time pass (progress-rules):
  // this reader really waits, so the test takes a minute or two.
  test.setTimeout(240_000);
  const page = await loginAs((await newUser({ like: "trainee5@weike.test" })).email, "zh");
  await page.goto("/courses");
  await page.getByLabel("搜索课程").fill("退款");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/\?q=%E9%80%80%E6%AC%BE/);
  await page.getByRole("link", { name: "催付与退款" }).click();
  await expect(page).toHaveURL(`/courses/${SLUG}`);
  const main = page.locator("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("催付与退款");

  // Read to the end: every section's end scrolls into view.
  const ends = main.locator("[data-section-end]");
  const count = await ends.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(main.getByRole("heading", { level: 2 })).toHaveCount(count + 3); // the sections, plus objectives, quiz and contents
  for (let i = 0; i < count; i++) {
    await ends.nth(i).scrollIntoViewIfNeeded();
    // The player reports the section and, when it is too soon, again once its reading time is up.
    await expect(page.getByText(`已读 ${i + 1} / ${count} 节`)).toBeVisible({ timeout: 75_000 });
  }

  for (const q of rightAnswers()) {
    for (const key of q.keys) await main.locator(`input[name="q:${q.id}"][value="${key}"]`).check();
  }
  await main.getByRole("button", { name: "提交答案" }).click();
  await expect(main.getByRole("status").filter({ hasText: "通过！得分 100%" })).toBeVisible();
  await expect(main.getByText(/你已完成本课程/)).toBeVisible();

  await page.goto("/");
  const completed = page.getByRole("region", { name: "已完成的课程" });
  await expect(completed.getByRole("link", { name: "催付与退款" })).toBeVisible();
});

test("a wrong quiz keeps its answers back until the last attempt and the course open; search syntax never errors", async ({
  loginAs,
  newUser,
}) => {
  const page = await loginAs((await newUser({ like: "trainee6@weike.test" })).email, "en");
  for (const q of ['"NEAR(refund *', "(((", "投"]) {
    const res = await page.goto(`/courses?q=${encodeURIComponent(q)}`);
    expect(res?.status()).toBe(200);
  }
  await page.goto("/courses/complaint-four-steps");
  const main = page.locator("main");
  await main.locator('input[name^="q:"]').first().check();
  await main.getByRole("button", { name: "Submit answers" }).click();
  await expect(main.getByText(/Not passed/)).toBeVisible();
  await expect(main.getByText("Why:")).toHaveCount(0);
  await expect(main.getByText("2 attempts left in this round")).toBeVisible();
  for (let n = 2; n <= 3; n++) {
    await main.locator('input[name^="q:"]').first().check();
    await main.getByRole("button", { name: "Submit answers" }).click();
    await expect(main.getByText(n === 3 ? /you may try again after/ : "1 attempt left in this round")).toBeVisible();
  }
  await expect(main.getByText("Why:").first()).toBeVisible();
  await expect(main.getByText(/You completed this course/)).toHaveCount(0);
});
