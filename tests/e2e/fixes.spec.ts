// Pages a person could reach but not see: child pages that rendered their parent instead, and the
// small wording and formatting defects found in use.
import { e2eDb, expect, test, type E2eUser } from "./fixtures";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A request of the user's own that HR has returned for changes; its id. */
function returnedRequest(user: E2eUser): number {
  const db = e2eDb();
  try {
    const course = db.prepare("SELECT id FROM Course WHERE status != 'retired' ORDER BY id LIMIT 1").get() as {
      id: number;
    };
    const now = iso(Date.now());
    const later = iso(Date.now() + 10 * 86_400_000);
    const info = db
      .prepare(
        `INSERT INTO TrainingRequest (requesterId, courseId, slotKind, preferred, need, headcount, state, lastReason, createdAt, updatedAt)
         VALUES (?, ?, 'before-shift', ?, '需要练习投诉处理。', 1, 'returned', '请补充时间', ?, ?)`,
      )
      .run(user.id, course.id, JSON.stringify([later]), now, now);
    const id = Number(info.lastInsertRowid);
    db.prepare("INSERT INTO RequestAttendee (requestId, userId) VALUES (?, ?)").run(id, user.id);
    return id;
  } finally {
    db.close();
  }
}

/** Removes the request (its attendees and transitions go with it). */
function dropRequest(id: number) {
  const db = e2eDb();
  try {
    db.prepare("DELETE FROM TrainingRequest WHERE id = ?").run(id);
  } finally {
    db.close();
  }
}

test.describe("child pages show their own content", () => {
  test("a returned request opens its edit form from the request page", async ({ page, loginAs, newUser }) => {
    const me = await newUser({ like: "trainee@weike.test" });
    const id = returnedRequest(me);
    try {
      await loginAs(me.email);
      await page.goto(`/requests/${id}`);
      await page.getByRole("link", { name: "Edit and resubmit" }).click();
      await expect(page).toHaveURL(new RegExp(`/requests/${id}/edit$`));
      await expect(page.getByRole("heading", { name: `Edit and resubmit request #${id}` })).toBeVisible();
      await expect(page.getByRole("button", { name: "Resubmit" })).toBeVisible();
    } finally {
      dropRequest(id);
    }
  });

  test("item analysis opens from the quiz page", async ({ page, loginAs }) => {
    await loginAs("hr@weike.test");
    await page.goto("/exams/quiz/big-sale-knowledge");
    await page.getByRole("link", { name: "Item analysis" }).click();
    await expect(page).toHaveURL(/\/exams\/quiz\/big-sale-knowledge\/analysis$/);
    await expect(page.getByRole("heading", { name: "Item analysis: Big-sale knowledge test" })).toBeVisible();
  });
});

test.describe("child pages without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the edit form and the item analysis render as their own pages", async ({ page, loginAs, newUser }) => {
    const me = await newUser({ like: "trainee@weike.test" });
    const id = returnedRequest(me);
    try {
      await loginAs(me.email);
      await page.goto(`/requests/${id}/edit`);
      await expect(page.getByRole("heading", { name: `Edit and resubmit request #${id}` })).toBeVisible();
      await loginAs("hr@weike.test");
      await page.goto("/exams/quiz/big-sale-knowledge/analysis");
      await expect(page.getByRole("heading", { name: "Item analysis: Big-sale knowledge test" })).toBeVisible();
    } finally {
      dropRequest(id);
    }
  });
});

test.describe("wording", () => {
  test("English lists roles with commas, not the Chinese enumeration comma", async ({ page, loginAs }) => {
    await loginAs("lead@weike.test");
    await page.goto("/");
    const roles = page.locator("p", { hasText: "Your roles:" });
    await expect(roles).toContainText(", ");
    await expect(roles).not.toContainText("、");
  });
});

test.describe("satisfaction dashboard", () => {
  test("one trainer gets a sentence, not a one-bar comparison", async ({ page, loginAs }) => {
    await loginAs("trainer@weike.test");
    await page.goto("/dashboard");
    await expect(page.getByTestId("trainers-single")).toContainText("a comparison needs at least two trainers");
  });

  test("the satisfaction index reads the same on its card and in the comparison chart", async ({ page, loginAs }) => {
    await loginAs("hr@weike.test");
    await page.goto("/dashboard");
    const cells = page.locator("tr", { hasText: "Satisfaction index" }).locator("td");
    await expect(cells.first()).toHaveText(/^\d+(\.\d)?$/);
    for (const text of await cells.allTextContents()) expect(text).not.toContain("%");
  });
});

test.describe("language switch", () => {
  test("keeps the page and the scroll position", async ({ page, loginAs }) => {
    await loginAs("trainee@weike.test");
    await page.setViewportSize({ width: 1000, height: 400 });
    await page.goto("/courses?q=");
    await page.waitForFunction(() => document.documentElement.scrollHeight > 1200);
    await page.evaluate(() => window.scrollTo(0, 600));
    const switchButton = page.getByRole("button", { name: "中文" });
    // A click from the page, as a reader scrolled down makes it: no scrolling into view first.
    await switchButton.evaluate((b: HTMLButtonElement) => b.click());
    await expect(page.locator("html")).toHaveAttribute("lang", /^zh/);
    await expect(page).toHaveURL(/\/courses\?q=$/);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  });
});

test.describe("catalogue search", () => {
  test("each hit shows a short excerpt with the searched words marked", async ({ page, loginAs }) => {
    await loginAs("trainee@weike.test");
    await page.goto("/courses?q=complaint");
    const snippet = page.getByTestId("snippet").first();
    await expect(snippet).toBeVisible();
    await expect(snippet.locator("mark").first()).toHaveText(/^complaint$/i);
  });
});
