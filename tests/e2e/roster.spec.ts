import iconv from "iconv-lite";
import { e2eDb, expect, test } from "./fixtures";

test("HR uploads a GB18030 roster, skips its one bad line, imports it, and the team week shows the shifts", async ({
  page,
  loginAs,
  newUser,
}) => {
  // Two people of its own (password hashing) and a build that loads the app for the fixtures.
  test.slow();
  const stamp = Date.now().toString(36);
  const a = await newUser({ name: `排班甲 ${stamp}`, firstTeam: true });
  const b = await newUser({ name: `排班乙 ${stamp}`, firstTeam: true });
  const conn = e2eDb();
  const no = (id: number) =>
    (conn.prepare("SELECT employeeNo FROM User WHERE id = ?").get(id) as { employeeNo: string }).employeeNo;
  const teamId = (conn.prepare("SELECT teamId FROM User WHERE id = ?").get(a.id) as { teamId: number }).teamId;
  const [noA, noB] = [no(a.id), no(b.id)];
  conn.close();

  // As Chinese Excel saves a CSV: GB18030, CRLF; line 5 names a day that does not exist.
  const text =
    "工号,日期,班次,开始时间,结束时间\r\n" +
    `${noA},2027/3/1,早班,,\r\n` +
    `${noA},2027-03-02,休,,\r\n` +
    `${noB},2027-03-01,,10:00,19:00\r\n` +
    `${noB},2027-02-30,早班,,\r\n`;
  await loginAs("hr@weike.test");
  await page.goto("/roster");
  await page
    .getByLabel("Roster file (CSV)")
    .setInputFiles({ name: "排班.csv", mimeType: "text/csv", buffer: iconv.encode(text, "gb18030") });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert")).toContainText("The file has 1 problem");
  const problems = page.getByRole("table", { name: "Problem" });
  await expect(problems.getByRole("row").nth(1)).toContainText("5");
  await expect(problems).toContainText("“2027-02-30” does not exist");

  // The import needs the explicit skip.
  await page.getByLabel("Skip the 1 line with problems and import the others").check();
  await page.getByRole("button", { name: "Import the roster" }).click();
  await expect(page.getByRole("status").first()).toContainText(
    "Imported 3 roster lines (2 people, 2027-03-01 to 2027-03-02)",
  );

  await page.goto(`/roster/teams/${teamId}?week=2027-03-03`);
  await expect(page.getByText("2027-03-01 to 2027-03-07")).toBeVisible();
  const rowA = page.getByRole("row", { name: new RegExp(`排班甲 ${stamp}`) });
  await expect(rowA.getByRole("cell").nth(0)).toHaveText("早班 08:00–17:00");
  await expect(rowA.getByRole("cell").nth(1)).toHaveText("休");
  await expect(rowA.getByRole("cell").nth(2)).toHaveText("—");
  const rowB = page.getByRole("row", { name: new RegExp(`排班乙 ${stamp}`) });
  await expect(rowB.getByRole("cell").nth(0)).toHaveText("10:00–19:00");
  await expect(rowB.getByRole("cell").nth(1)).toHaveText("—");

  await page.getByRole("link", { name: "Next week →" }).click();
  await expect(page.getByText("2027-03-08 to 2027-03-14")).toBeVisible();
  await expect(
    page
      .getByRole("row", { name: new RegExp(`排班甲 ${stamp}`) })
      .getByRole("cell")
      .nth(0),
  ).toHaveText("—");
});

test("the team week fits a phone: the table scrolls inside its box", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await loginAs("hr@weike.test");
  await page.goto("/roster");
  await page.getByRole("link").filter({ hasText: "热线一组" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("week roster");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
