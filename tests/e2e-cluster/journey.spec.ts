// A trainee and HR through nginx in front of two instances on one database: sessions, progress
// and the request queue live in the database, so it does not matter which instance answers.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { expect, test } from "../e2e/fixtures";

type Question = { id: string; answer: string[] | string };
const SLUG = "payment-reminders-and-refunds";
const FILE = "content/courses/big-sale/02-payment-reminders-and-refunds.md";

function rightAnswers(): { id: string; keys: string[] }[] {
  const front = readFileSync(FILE, "utf8").split(/^---$/m)[1] ?? "";
  const fm = parseYaml(front) as { quiz: { questions: Question[] } };
  return fm.quiz.questions.map((q) => ({ id: q.id, keys: Array.isArray(q.answer) ? q.answer : [q.answer] }));
}

test("a trainee completes a lesson and HR approves a request, served by both instances", async ({
  page,
  loginAs,
  newUser,
}) => {
  const instances = new Set<string>();
  page.on("response", (r) => {
    const id = r.headers()["x-weike-instance"];
    if (id) instances.add(id);
  });

  await loginAs((await newUser({ like: "trainee5@weike.test" })).email, "zh");
  await page.goto("/courses");
  await page.getByRole("link", { name: "催付与退款" }).first().click();
  await expect(page).toHaveURL(`/courses/${SLUG}`);
  const main = page.locator("main");
  const ends = main.locator("[data-section-end]");
  const count = await ends.count();
  for (let i = 0; i < count; i++) {
    await ends.nth(i).scrollIntoViewIfNeeded();
    // Each section counts once the server (whichever instance) saw its reading time pass.
    await expect(page.getByText(`已读 ${i + 1} / ${count} 节`)).toBeVisible({ timeout: 75_000 });
  }
  for (const q of rightAnswers()) {
    for (const key of q.keys) await main.locator(`input[name="q:${q.id}"][value="${key}"]`).check();
  }
  await main.getByRole("button", { name: "提交答案" }).click();
  await expect(main.getByText(/你已完成本课程/)).toBeVisible();

  await loginAs("hr@weike.test");
  await page.goto("/requests?state=submitted");
  const first = page.getByRole("link", { name: /^#\d+$/ }).first();
  const id = (await first.textContent())!.slice(1);
  await page.goto(`/requests/${id}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");
  await page.reload();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");

  // nginx spreads the requests over the upstreams: both instances answered this journey.
  expect(instances.size).toBe(2);
});

test("through the proxy, /healthz names the instance and the engine", async ({ request }) => {
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await request.get("/healthz");
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { instance: string; engine: string };
    expect(res.headers()["x-weike-instance"]).toBe(body.instance);
    expect(body.engine).toBe(/^postgres/.test(process.env.E2E_DATABASE_URL ?? "") ? "postgres" : "sqlite");
    seen.add(body.instance);
  }
  expect(seen.size).toBe(2);
});
