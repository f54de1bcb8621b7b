import { e2eDb, expect, test } from "./fixtures";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

test("an admin imports a CSV file, fixes its one bad line, edits a user and creates a team", async ({
  page,
  loginAs,
}) => {
  await loginAs("admin@weike.test");
  const stamp = Date.now().toString(36);
  const file = (team: string) => ({
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "\uFEFF工号,姓名,邮箱,团队,职级,角色\r\n" +
        `IM1-${stamp},导入甲,im1-${stamp}@weike.test,热线一组 Hotline 1,初级,学员\r\n` +
        `IM2-${stamp},导入乙,im2-${stamp}@weike.test,${team},中级,学员\r\n`,
    ),
  });

  await page.goto("/admin");
  await page.getByRole("link", { name: "Import users" }).click();
  await page.getByLabel("CSV file").setInputFiles(file("不存在的组"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert")).toContainText("The file has 1 problem");
  await expect(page.getByRole("table", { name: "Problem" })).toContainText('There is no team named "不存在的组"');
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);

  await page.getByLabel("CSV file").setInputFiles(file("热线二组 Hotline 2"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status").first()).toContainText("2 new, 0 updated");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 2 new, 0 updated.");

  await page.goto(`/admin?q=IM2-${stamp}`);
  await page.getByRole("link", { name: "导入乙" }).click();
  await page.getByLabel("Name", { exact: true }).fill(`导入乙 改`);
  await page.getByLabel("Staff grade").selectOption("senior");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入乙 改");
  await expect(page.getByRole("status")).toContainText("Saved the details");

  await page.goto("/admin/teams");
  await page.getByLabel("Team name").fill(`夜班 ${stamp}`);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`夜班 ${stamp}`);
  await expect(page.getByRole("status")).toContainText("Created team");
});

test("a trainee sees an upcoming class on their home page and opens a course certificate", async ({
  page,
  loginAs,
  newUser,
}) => {
  const me = await newUser({ name: `学员 ${Date.now().toString(36)}` });
  const db = e2eDb();
  try {
    const course = db.prepare("SELECT id, currentVersionId FROM Course WHERE slug = ?").get("typing-and-tools") as {
      id: number;
      currentVersionId: number;
    };
    const trainer = db.prepare("SELECT id FROM User WHERE email = ?").get("trainer@weike.test") as { id: number };
    const start = Date.now() + 26 * 3600_000;
    const session = db
      .prepare(
        "INSERT INTO TrainingSession (courseId, trainerId, startsAt, endsAt, room, status, createdAt) VALUES (?, ?, ?, ?, ?, 'scheduled', ?)",
      )
      .run(course.id, trainer.id, iso(start), iso(start + 3600_000), "培训室 A", iso(Date.now()));
    db.prepare("INSERT INTO SessionAttendee (sessionId, userId) VALUES (?, ?)").run(session.lastInsertRowid, me.id);
    db.prepare(
      "INSERT INTO CourseProgress (userId, courseId, courseVersionId, completedAt, percent) VALUES (?, ?, ?, ?, 100)",
    ).run(me.id, course.id, course.currentVersionId, iso(Date.now()));
  } finally {
    db.close();
  }

  await loginAs(me.email);
  await page.goto("/");
  const week = page.getByRole("region", { name: "My upcoming classes" });
  await expect(week).toContainText("Room: 培训室 A");
  await expect(week).toContainText("Trainer:");
  await expect(week.getByRole("link", { name: "Add to calendar (.ics)" })).toHaveAttribute(
    "href",
    /\/calendar\/\d+\.ics$/,
  );

  await page
    .getByRole("region", { name: "My certificates" })
    .getByRole("link", { name: /Certificate/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certificate of completion");
  await expect(page.getByRole("article")).toContainText(me.name);
  await expect(page.getByRole("article")).toContainText(/Verification id: WK-C-/);
});
