// The audit log end to end: HR approves a request, the administrator filters the log by that
// action, reads the entry as a sentence, and exports the same entry as CSV with ISO instants.
import { e2eDb, expect, test } from "./fixtures";

const SLUG = "complaint-four-steps";

/** The course id, inserting the course when the catalogue sync has not put it there. */
function courseId(): number {
  const db = e2eDb();
  try {
    const row = db.prepare("SELECT id FROM Course WHERE slug = ?").get(SLUG) as { id: number } | undefined;
    if (row) {
      db.prepare("UPDATE Course SET status = 'accepted' WHERE id = ? AND status = 'retired'").run(row.id);
      return row.id;
    }
    const now = new Date().toISOString().replace("Z", "+00:00");
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
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

test("HR approves a request; the admin finds it in the audit log and exports it", async ({ page, loginAs }) => {
  const course = courseId();
  await loginAs("lead@weike.test");
  await page.goto("/requests/new");
  await page.getByLabel("Course or series").selectOption(`course:${course}`);
  await page.getByLabel("学员 刘洋", { exact: true }).check();
  await page.getByLabel("Before shift").check();
  await page.getByLabel("Preferred time 1").fill(`${day(50)}T08:00`);
  await page.getByLabel("Preferred time 2").fill(`${day(51)}T08:00`);
  await page.getByLabel("Need", { exact: true }).fill("客诉升级率上升，需要系统练习投诉处理四步法。");
  await page.getByLabel("Priority").selectOption("3");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const id = Number(page.url().split("/").pop());

  await loginAs("hr@weike.test");
  await page.goto(`/requests/${id}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator(".page-head .state-badge")).toHaveText("Approved");

  await loginAs("admin@weike.test");
  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption({ label: "Request approved" });
  await page.getByRole("form", { name: "Filter" }).getByRole("button").click();
  await expect(page).toHaveURL(/action=request\.approve/);
  const sentence = `人力 陈静 approved request #${id} «投诉处理四步法»`;
  const row = page.getByRole("row").filter({ hasText: sentence });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: `Training request #${id}` })).toHaveAttribute("href", `/requests/${id}`);
  await expect(page.getByTestId("audit-list")).not.toContainText("request.approve");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^weike-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  expect(text.split("\r\n")[0]).toBe("id,ISO 8601,When,By,Action,What happened,Object,Object no.,Person concerned");
  const line = text.split("\r\n").find((l) => l.includes(sentence));
  expect(line).toMatch(
    /^\d+,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,\d{4}-\d{2}-\d{2} \d{2}:\d{2},人力 陈静,Request approved,/,
  );
  expect(
    text
      .split("\r\n")
      .filter((l) => l && !l.startsWith("id,"))
      .every((l) => l.includes(",Request approved,")),
  ).toBe(true);
});
