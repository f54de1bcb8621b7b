// What a trainee sees on the result screens: a verdict banner with the score and the pass mark,
// units, 对/错 for true/false answers, when the next attempt is possible, the drill transcript,
// and the quiz's warning about unanswered questions.
import { expect, test } from "./fixtures";
import { addAttempt, addResult, shanghai } from "./records";

// A shared 2-core machine: these pages are checked one after another in each test.
test.describe.configure({ timeout: 90_000 });

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

test("a quiz result: banner with score and pass mark, 对/错, next attempt time instead of a retake", async ({
  page,
  loginAs,
  newUser,
}) => {
  const me = await newUser({ firstTeam: true });
  const closedAt = minutesAgo(5);
  const attemptId = addAttempt({ userId: me.id, exam: "quiz:big-sale-knowledge", startedAt: minutesAgo(10), closedAt });
  const id = addResult({
    userId: me.id,
    exam: "quiz:big-sale-knowledge",
    attemptId,
    score: 60,
    passed: false,
    figures: { percent: 60, correct: 6, total: 10, passMark: 80, late: false, items: {} },
    misses: [
      {
        questionId: "q1",
        prompt: "大促期间可以承诺发货时间吗？",
        answered: true,
        missingKeywords: [],
        explanation: "",
        right: "false",
      },
    ],
    createdAt: closedAt,
  });
  await loginAs(me.email, "en");
  await page.goto(`/exams/results/${id}`);
  await expect(page.getByTestId("result-verdict")).toHaveText("Not passed");
  await expect(page.getByTestId("result-score")).toHaveText("Score 60%");
  await expect(page.getByTestId("result-mark")).toHaveText("Pass mark: score ≥ 80%");
  await expect(page.getByTestId("misses")).toContainText("False");
  await expect(page.getByTestId("misses")).not.toContainText("false");
  // The bank's cool-down is 60 minutes after the attempt closed.
  await expect(page.getByRole("link", { name: "Take it again" })).toHaveCount(0);
  await expect(page.getByTestId("next-attempt")).toContainText(
    shanghai(new Date(closedAt.getTime() + 60 * 60_000), "en"),
  );

  await loginAs(me.email, "zh");
  await page.goto(`/exams/results/${id}`);
  await expect(page.getByTestId("misses")).toContainText("正确答案：错");
  await expect(page.getByRole("link", { name: "再考一次" })).toHaveCount(0);
});

test("history: scores carry units and every exam has its own chart", async ({ page, loginAs, newUser }) => {
  const me = await newUser({ firstTeam: true });
  const at = new Date("2026-11-20T02:00:00Z");
  addResult({
    userId: me.id,
    exam: "typing:zh",
    score: 85,
    passed: true,
    figures: { net: 85, mark: { minNet: 80, minAccuracy: 0.95 } },
    createdAt: at,
  });
  addResult({
    userId: me.id,
    exam: "typing:en",
    score: 42,
    passed: true,
    figures: { net: 42, unit: "wpm" },
    createdAt: at,
  });
  addResult({ userId: me.id, exam: "response", score: 12.5, passed: true, figures: { mean: 12.5 }, createdAt: at });
  await loginAs(me.email, "en");
  await page.goto(`/exams/history/${me.id}`);
  const scores = page.getByTestId("history-score");
  await expect(scores).toHaveText(["12.5 s", "42 WPM", "85 chars/min"]);
  for (const exam of ["typing:zh", "typing:en", "response"])
    await expect(page.getByTestId(`history-chart-${exam}`)).toBeVisible();
  await expect(page.getByTestId("history-chart-typing:zh")).toContainText("characters/min");
  await expect(page.getByTestId("history-chart-typing:en")).toContainText("words/min");
});

test("a response drill result shows the chat: each message, the reply, its time and outcome", async ({
  page,
  loginAs,
  newUser,
}) => {
  const me = await newUser({ firstTeam: true });
  const t0 = new Date("2026-11-20T16:58:00Z");
  const sec = (s: number) => new Date(t0.getTime() + s * 1000);
  const attemptId = addAttempt({
    userId: me.id,
    exam: "response",
    startedAt: t0,
    closedAt: sec(200),
    setup: {
      order: ["m1", "m2"],
      script: {
        messages: [
          { id: "m1", text: "我的快递到哪了？" },
          { id: "m2", text: "能开发票吗？" },
        ],
      },
    },
    events: [
      { type: "release", ref: "m1", at: t0 },
      { type: "reply", ref: "m1", body: "您好，订单已发出，今天送达。", at: sec(20) },
      { type: "release", ref: "m2", at: sec(20) },
      { type: "reply", ref: "m2", body: "可以的。", at: sec(150) },
    ],
  });
  const id = addResult({
    userId: me.id,
    exam: "response",
    attemptId,
    score: 75,
    passed: false,
    figures: {
      first: 20,
      mean: 75,
      median: 75,
      p90: 130,
      completeness: 0.5,
      mark: { maxMeanSeconds: 30, maxP90Seconds: 45, minComplete: 0.8 },
      perMessage: [
        { messageId: "m1", seconds: 20, complete: true, missing: [] },
        { messageId: "m2", seconds: 130, complete: false, missing: ["开票方式"] },
      ],
    },
    createdAt: sec(200),
  });
  await loginAs(me.email, "en");
  await page.goto(`/exams/results/${id}`);
  await expect(page.getByTestId("result-score")).toHaveText("Score 75 s");
  await expect(page.getByTestId("result-mark")).toContainText("mean response ≤ 30 s");
  const chat = page.getByTestId("transcript").locator(":scope > li");
  await expect(chat).toHaveCount(2);
  const hm = (d: Date) => shanghai(d, "en", { timeStyle: "short" });
  await expect(chat.nth(0)).toContainText(`Customer (${hm(t0)}) 我的快递到哪了？`);
  await expect(chat.nth(0)).toContainText(`Reply (${hm(sec(20))}, after 20 s) 您好，订单已发出，今天送达。`);
  await expect(chat.nth(0)).toContainText("All required facts");
  await expect(chat.nth(1)).toContainText("Missing");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("submitting a quiz with unanswered questions asks first, then submits anyway", async ({
    page,
    loginAs,
    newUser,
  }) => {
    const me = await newUser({ firstTeam: true });
    await loginAs(me.email, "en");
    await page.goto("/exams/quiz/complaint-handling");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.locator('input[type="radio"]').first().check();
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByTestId("quiz-unanswered")).toContainText("unanswered");
    await expect(page.locator('input[type="radio"]').first()).toBeChecked();
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await expect(page.getByTestId("result-verdict")).toBeVisible();
  });
});

test("with JavaScript the quiz warns before sending, and its timer stays in view", async ({
  page,
  loginAs,
  newUser,
}) => {
  const me = await newUser({ firstTeam: true });
  await loginAs(me.email, "en");
  await page.goto("/exams/quiz/product-skincare");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-unanswered")).toBeVisible();
  await expect(page).toHaveURL(/\/exams\/quiz\/product-skincare$/);
  await page.getByTestId("quiz-unanswered").scrollIntoViewIfNeeded();
  await expect(page.getByRole("timer")).toBeInViewport();
});

test("checkpoint quiz: （多选） once, and the score is brought into view after submitting", async ({
  page,
  loginAs,
  newUser,
}) => {
  const me = await newUser({ firstTeam: true });
  await loginAs(me.email, "zh");
  await page.goto("/courses/payment-reminders-and-refunds");
  const multi = page.locator("legend", { hasText: "（多选）" }).first();
  await expect(multi).toBeVisible();
  expect(((await multi.textContent()) ?? "").split("多选").length - 1).toBe(1);
  for (const set of await page.locator(".quiz fieldset").all()) await set.locator("input").first().check();
  await page.locator(".quiz button[type=submit]").click();
  await expect(page.getByTestId("quiz-outcome")).toBeInViewport();
});
