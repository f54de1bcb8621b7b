import { expect, test } from "./fixtures";

const PASSWORD = "weike-demo-2026";

const HOMES: [string, RegExp, RegExp][] = [
  ["trainee@weike.test", /^\/$/, /My learning/],
  ["lead@weike.test", /^\/$/, /My team/],
  ["trainer@weike.test", /^\/$/, /My teaching/],
  ["hr@weike.test", /^\/$/, /Training desk/],
  ["admin@weike.test", /^\/admin$/, /Users/],
];

test.describe("signing in through the form", () => {
  test.use({ extraHTTPHeaders: { "Accept-Language": "en" } });

  for (const [email, path, heading] of HOMES) {
    test(`${email} lands on their home`, async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL((url) => path.test(url.pathname));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    });
  }

  test("a wrong password shows a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("trainee2@weike.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("The e-mail or password is not correct");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the 11th failure in a row is rate-limited", async ({ page, context }) => {
    // A client address of its own, so the limit does not reach the other tests.
    await context.setExtraHTTPHeaders({ "Accept-Language": "en", "X-Forwarded-For": "203.0.113.77" });
    await page.goto("/login");
    for (let i = 1; i <= 10; i++) {
      await page.getByLabel("Email").fill("trainee8@weike.test");
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert")).toContainText("not correct");
    }
    await page.getByLabel("Email").fill("trainee8@weike.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("Too many failed sign-ins");
  });
});

test("a trainee opening /admin sees the 403 page", async ({ page, loginAs, newUser }) => {
  await loginAs((await newUser({ like: "trainee3@weike.test" })).email);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access denied");
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
});

test("an unknown URL shows the 404 page inside the shell", async ({ page, loginAs, newUser }) => {
  await loginAs((await newUser({ like: "trainee3@weike.test" })).email);
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("signing out ends the session", async ({ page, loginAs, newUser }) => {
  await loginAs((await newUser({ like: "trainee4@weike.test" })).email);
  await page.goto("/");
  await page.getByLabel("User menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status").filter({ hasText: "You have signed out" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2F/);
});

test("the language switch changes the page language and survives a reload", async ({ page, loginAs, newUser }) => {
  await loginAs((await newUser({ like: "trainee5@weike.test" })).email, "en");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的学习");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的学习");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My learning");
});

test("a tampered session cookie sends the user to /login with a message", async ({ page, context, baseURL }) => {
  await context.addCookies([
    { name: "weike_session", value: "AAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", url: baseURL! },
    { name: "lang", value: "en", url: baseURL! },
  ]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2F&reason=expired/);
  await expect(page.getByText("Your session has expired")).toBeVisible();
});
