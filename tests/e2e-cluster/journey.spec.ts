// A trainee and HR through nginx in front of two instances on one database: sessions, progress
// and the request queue live in the database, so it does not matter which instance answers.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
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

/** A local (UTC+8) date some days ahead. */
function day(offset: number) {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

async function courseId(slug: string): Promise<number> {
  // The fixtures pointed DATABASE_URL at the cluster's database (SQLite or PostgreSQL).
  const { db } = await import("#app/lib/db.server");
  return (await db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

function countInstances(page: Page): Set<string> {
  const instances = new Set<string>();
  page.on("response", (r) => {
    const id = r.headers()["x-weike-instance"];
    if (id) instances.add(id);
  });
  return instances;
}

test("a trainee searches in Chinese, reads and finishes a lesson with its quiz, served by both instances", async ({
  page,
  loginAs,
  newUser,
}) => {
  const instances = countInstances(page);

  await loginAs((await newUser({ like: "trainee5@weike.test" })).email, "zh");
  await page.goto("/courses");
  await page.getByLabel("搜索课程").fill("催付");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/\/courses\?q=/);
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

  // nginx spreads the requests over the upstreams: both instances answered this journey.
  expect(instances.size).toBe(2);
});

test("a lead requests training; HR approves it and assigns a trainer, served by both instances", async ({
  page,
  loginAs,
}) => {
  const instances = countInstances(page);
  const course = await courseId("complaint-four-steps");
  // A day of its own, so a run on a database kept from an earlier run finds the trainer free.
  const offset = 40 + Math.floor(Math.random() * 300);

  await loginAs("lead@weike.test");
  await page.goto("/requests/new");
  await page.getByLabel("Course or series").selectOption(`course:${course}`);
  for (const name of ["学员 刘洋", "学员 黄丽"]) await page.getByLabel(name, { exact: true }).check();
  await page.getByLabel("Before shift").check();
  await page.getByLabel("Preferred time 1").fill(`${day(offset)}T08:00`);
  await page.getByLabel("Preferred time 2").fill(`${day(offset + 1)}T08:00`);
  await page.getByLabel("Need", { exact: true }).fill("客诉升级率上升，需要练习投诉处理四步法。");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const id = Number(page.url().split("/").pop());

  await loginAs("hr@weike.test");
  await page.goto("/requests?state=submitted");
  await expect(page.getByRole("link", { name: `#${id}` })).toBeVisible();
  await page.goto(`/requests/${id}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");
  await page.reload();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");
  await page.getByLabel("Trainer", { exact: true }).selectOption({ label: "讲师 李娜" });
  await page.getByLabel("Date", { exact: true }).fill(day(offset));
  await page.getByLabel("Start time").fill("09:00");
  await page.getByLabel("Room").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Scheduled");
  await page.reload();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Scheduled");
  await expect(page.getByTestId("timeline")).toContainText("Approve");

  expect(instances.size).toBe(2);
});

/** The instance ids of the two upstreams, asked directly (bypassing nginx) only to tell them apart. */
async function upstreamIds(request: APIRequestContext): Promise<[string, string]> {
  const port = Number(process.env.CLUSTER_PORT ?? 3450);
  const ask = async (p: number) =>
    ((await (await request.get(`http://127.0.0.1:${p}/healthz`)).json()) as { instance: string }).instance;
  return [await ask(port + 1), await ask(port + 2)];
}

/** Search through nginx until each instance has answered; what each one listed. */
async function searchOnEach(page: Page, q: string): Promise<Map<string, boolean>> {
  const seen = new Map<string, boolean>();
  for (let i = 0; i < 12 && seen.size < 2; i++) {
    // A kept-alive connection left idle past nginx's keepalive_timeout (75 s, e.g. while an
    // instance restarts) is closed by nginx; the next request on it is reset: ask again.
    const res = await page.request.get(`/courses?q=${encodeURIComponent(q)}`).catch((e: Error) => {
      if (/ECONNRESET|socket hang up/.test(e.message)) return null;
      throw e;
    });
    if (!res) continue;
    expect(res.status()).toBe(200);
    // The search box repeats the query: look for the link to the lesson itself.
    seen.set(res.headers()["x-weike-instance"]!, (await res.text()).includes(`href="/courses/${q}"`));
  }
  return seen;
}

test("a lesson synced by one instance reaches the other's cached search within seconds", async ({ page, loginAs }) => {
  const tag = `cl${randomBytes(4).toString("hex")}`;
  await loginAs("trainee@weike.test");
  const [first, second] = await upstreamIds(page.request);

  // Both instances cache "nothing matches" for the new lesson's word.
  const before = await searchOnEach(page, tag);
  expect([...before.values()]).toEqual([false, false]);

  // An author adds a lesson; the first instance restarts and its start-up sync stores it.
  const dir = process.env.CLUSTER_CONTENT_DIR!;
  const text = readFileSync(path.join(dir, "courses/big-sale/02-payment-reminders-and-refunds.md"), "utf8")
    .replace("slug: payment-reminders-and-refunds", `slug: ${tag}`)
    .replace(
      "title: { zh: 催付与退款, en: Payment Reminders and Refunds }",
      `title: { zh: 集群 ${tag}, en: Cluster ${tag} }`,
    )
    .replace(/^position: \d+$/m, "position: 90");
  writeFileSync(path.join(dir, `courses/big-sale/90-${tag}.md`), text);
  execFileSync("sh", ["scripts/cluster.sh", "restart", "1"], { env: process.env, stdio: "inherit" });
  const [restarted, still] = await upstreamIds(page.request);
  expect(still).toBe(second);
  expect(restarted).not.toBe(first);
  // HR enters it into the library (a row, no content change), as the demo seed does.
  const { enterClaimedCourses } = await import("#app/library/acceptance.server");
  expect(await enterClaimedCourses("entered by the cluster test")).toBeGreaterThanOrEqual(1);

  // The second instance never synced: its cached empty answer goes because the content
  // generation in the database moved (its 60 s lifetime has not run out by then).
  await expect
    .poll(async () => [...(await searchOnEach(page, tag)).entries()].sort(), { timeout: 10_000 })
    .toEqual([...[restarted, second].map((id) => [id, true] as [string, boolean])].sort());
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
