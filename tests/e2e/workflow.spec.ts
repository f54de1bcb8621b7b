// The training workflow end to end in Chromium: a lead requests the complaint-handling course for
// three agents, HR approves and schedules it, the trainer records attendance and marks it
// delivered, HR archives it and finds it in the CSV. Plus a double booking and an illegal move.
import type { Page } from "@playwright/test";
import { e2eDb, expect, test } from "./fixtures";

const SLUG = "complaint-four-steps";
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** The course id, inserting the course when the catalogue sync has not put it there. */
function courseId(): number {
  const db = e2eDb();
  try {
    const row = db.prepare("SELECT id FROM Course WHERE slug = ?").get(SLUG) as { id: number } | undefined;
    if (row) {
      db.prepare("UPDATE Course SET status = 'accepted' WHERE id = ? AND status = 'retired'").run(row.id);
      return row.id;
    }
    const now = iso(Date.now());
    const info = db
      .prepare(
        "INSERT INTO Course (slug, titleZh, titleEn, area, status, trainers, durationMinutes, createdAt, updatedAt) VALUES (?, ?, ?, 'customer-service', 'accepted', ?, 60, ?, ?)",
      )
      .run(
        SLUG,
        "投诉处理四步法",
        "The Four Steps of Complaint Handling",
        JSON.stringify(["trainer@weike.test"]),
        now,
        now,
      );
    return Number(info.lastInsertRowid);
  } finally {
    db.close();
  }
}

/** A local (UTC+8) date some days ahead. */
function day(offset: number) {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

async function raiseRequest(
  page: Page,
  course: number,
  dayOffset: number,
  people = ["学员 刘洋", "学员 黄丽", "学员 吴婷"],
) {
  await page.goto("/requests/new");
  await page.getByLabel("Course or series").selectOption(`course:${course}`);
  for (const name of people) await page.getByLabel(name, { exact: true }).check();
  await expect(page.getByTestId("headcount")).toHaveText(`${people.length} selected`);
  await page.getByLabel("Before shift").check();
  await page.getByLabel("Preferred time 1").fill(`${day(dayOffset)}T08:00`);
  await page.getByLabel("Preferred time 2").fill(`${day(dayOffset + 1)}T08:00`);
  await page.getByLabel("Need", { exact: true }).fill("客诉升级率上升，需要系统练习投诉处理四步法。");
  await page.getByLabel("Priority").selectOption("3");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  return Number(page.url().split("/").pop());
}

async function approveAndSchedule(page: Page, id: number, date: string, start: string) {
  await page.goto(`/requests/${id}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");
  await page.getByLabel("Trainer", { exact: true }).selectOption({ label: "讲师 李娜" });
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Start time").fill(start);
  await page.getByLabel("Room").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
}

test("request → approve → schedule → deliver → archive → CSV", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  const course = courseId();

  await loginAs("lead@weike.test");
  const id = await raiseRequest(page, course, 30);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Training request #${id}`);
  await expect(page.locator(".page-head .state-badge")).toHaveText("Submitted");
  await expect(page.getByText("Attendees (3)")).toBeVisible();

  await loginAs("hr@weike.test");
  await page.goto("/requests?state=submitted");
  await expect(page.getByRole("link", { name: `#${id}` })).toBeVisible();
  await approveAndSchedule(page, id, day(30), "09:00");
  await expect(page.locator(".page-head .state-badge")).toHaveText("Scheduled");
  await expect(page.getByTestId("timeline")).toContainText("Approve");
  const ics = await page.request.get(
    await page
      .getByRole("link", { name: "Download calendar file (.ics)" })
      .first()
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(await ics.text()).toContain("BEGIN:VEVENT");

  // The class has happened: move it into the past, as the clock would.
  const db = e2eDb();
  const session = db.prepare("SELECT id FROM TrainingSession WHERE requestId = ?").get(id) as { id: number };
  db.prepare("UPDATE TrainingSession SET startsAt = ?, endsAt = ? WHERE id = ?").run(
    iso(Date.now() - 2 * 3600_000),
    iso(Date.now() - 3600_000),
    session.id,
  );
  db.close();

  await loginAs("trainer@weike.test");
  await page.goto("/schedule");
  await expect(page.getByRole("heading", { name: "Waiting for the roster" })).toBeVisible();
  await page.goto(`/schedule/${session.id}`);
  await page.getByRole("group", { name: "学员 刘洋" }).getByLabel("Present").check();
  await page.getByRole("group", { name: "学员 黄丽" }).getByLabel("Late").check();
  await page.getByRole("group", { name: "学员 吴婷" }).getByLabel("Absent").check();
  await page.getByLabel("Trainer's notes").fill("角色扮演效果好；吴婷请假。");
  await page.getByRole("button", { name: "Mark delivered" }).click();
  await expect(page.getByRole("status")).toContainText("Marked as delivered");
  await expect(page.locator(".state-badge")).toHaveText("Delivered");

  await loginAs("hr@weike.test");
  await page.goto(`/archive?state=delivered&trainer=`);
  const card = page
    .getByTestId("archive-list")
    .locator("tr")
    .filter({ has: page.getByRole("link", { name: `Request #${id}` }) });
  await expect(card).toContainText("Present 1 · late 1 · absent 1");
  await card.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("status")).toContainText("Archived");
  await page.goto(`/requests/${id}`);
  await expect(page.locator(".page-head .state-badge")).toHaveText("Archived");

  const csv = await page.request.get("/archive.csv?state=archived");
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain("The Four Steps of Complaint Handling");
  expect(text).toContain("角色扮演效果好");
  expect(text.split("\r\n").some((line) => line.startsWith(`${session.id},${id},`))).toBe(true);
});

test("a double booking and an illegal transition are refused with clear messages", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  const course = courseId();
  await loginAs("lead@weike.test");
  const first = await raiseRequest(page, course, 45, ["学员 孙浩"]);
  const second = await raiseRequest(page, course, 45, ["组长 张伟"]);
  const third = await raiseRequest(page, course, 46, ["学员 吴婷"]);

  await loginAs("hr@weike.test");
  await approveAndSchedule(page, first, day(45), "10:00");
  await expect(page.locator(".page-head .state-badge")).toHaveText("Scheduled");
  await approveAndSchedule(page, second, day(45), "10:30");
  await expect(page.getByText("Double booking: the trainer already teaches at that time.")).toBeVisible();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");

  // A stale or forged button: "archive" on an approved request is not a legal move.
  await page.goto(`/requests/${second}`);
  await page.getByRole("button", { name: "Cancel request" }).evaluate((b) => {
    (b as HTMLButtonElement).value = "archive";
  });
  await page.getByRole("button", { name: "Cancel request" }).click();
  await expect(page.getByRole("alert")).toContainText("That action is not possible in the request's current state.");
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");

  // Two HR tabs on one request: the second move meets the first one's result.
  await page.goto(`/requests/${third}`);
  const other = await page.context().newPage();
  await other.goto(`/requests/${third}`);
  await other.getByRole("button", { name: "Approve" }).click();
  await expect(other.locator(".page-head .state-badge")).toHaveText("Approved");
  await page.getByLabel("Reason").fill("预算不足");
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("alert")).toContainText("This request changed since you opened it. It is now: Approved.");
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");
  await other.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a bad request is answered on the form with a 400; a good one lands; HR rejects only with a reason", async ({
    page,
    loginAs,
  }) => {
    const course = courseId();
    await loginAs("lead2@weike.test");
    await page.goto("/requests/new");
    await page.getByLabel("Course or series").selectOption(`course:${course}`);
    await page.getByLabel("Preferred time 1").fill(`${day(70)}T08:00`);
    await page.getByLabel("Preferred time 2").fill(`${day(71)}T08:00`);
    await page.getByLabel("Need", { exact: true }).fill("新人较多");
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Submit request" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await expect(page.getByText("Pick at least one attendee (the headcount cannot be 0).")).toBeVisible();
    await expect(page.getByLabel("Need", { exact: true })).toHaveValue("新人较多");

    await page.getByLabel("学员 马超", { exact: true }).check();
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page).toHaveURL(/\/requests\/\d+$/);
    const id = Number(page.url().split("/").pop());

    await loginAs("hr@weike.test");
    await page.goto(`/requests/${id}`);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Reject" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await expect(page.getByText("A reason is required.")).toBeVisible();
    await expect(page.locator(".page-head .state-badge")).toHaveText("Submitted");
    await page.getByLabel("Reason").fill("下月统一安排");
    await page.getByRole("button", { name: "Reject" }).click();
    await expect(page.locator(".page-head .state-badge")).toHaveText("Rejected");
    await expect(page.getByTestId("timeline")).toContainText("下月统一安排");
  });
});
