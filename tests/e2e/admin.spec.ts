import { expect, test } from "./fixtures";

test("an admin creates a user, sees the name escaped, and deactivates them", async ({ page, loginAs }) => {
  await loginAs("admin@weike.test");
  await page.goto("/admin");
  await page.getByRole("link", { name: "New user" }).click();
  const stamp = Date.now().toString(36);
  const name = `<img src=x onerror="window.__pwned=1"> O'Neil "${stamp}"`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(`new-${stamp}@weike.test`);
  await page.getByLabel("Employee number").fill(`N-${stamp}`);
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "热线二组 Hotline 2" });
  await page.getByLabel("Trainer", { exact: true }).check();
  await page.getByLabel("Initial password").fill("initial-password-1");
  await page.getByRole("button", { name: "Create user" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("status")).toContainText("Created user");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await page.getByRole("button", { name: "Deactivate account" }).click();
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();

  await page.goto("/admin/audit");
  await expect(page.getByRole("table")).toContainText("Deactivated account");
  await expect(page.getByRole("table")).toContainText("Created user");
});

test("the admin form reports each problem next to its field", async ({ page, loginAs }) => {
  await loginAs("admin@weike.test");
  await page.goto("/admin/users/new");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Trainee", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Choose at least one role.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
});

test("a POST without a same-site Origin is refused with 403", async ({ request }) => {
  const res = await request.post("/login", {
    form: { email: "trainee@weike.test", password: "weike-demo-2026" },
    headers: { Origin: "http://evil.example" },
  });
  expect(res.status()).toBe(403);
});

test("healthz reports the database and migrations", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "ok" });
});
