import { readFileSync } from "node:fs";
import { addLocalDays, localDay } from "#app/lib/clock";
import { db } from "#app/lib/db.server";
import { expect, test } from "./fixtures";

test("HR opens a needs round, three staff answer, HR sees the top two, downloads the CSV and starts a project", async ({
  page,
  loginAs,
  newUser,
}) => {
  // Four sign-ins and a dozen pages: more than the default budget.
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const team = await db.team.create({ data: { name: `E2E needs ${tag}` }, select: { id: true } });
  await db.teamAudience.create({ data: { teamId: team.id, kind: "back" } });
  const hr = await newUser({ roles: ["HR"], name: "E2E Needs HR" });
  const staff = [await newUser(), await newUser(), await newUser()];
  await db.user.updateMany({ where: { id: { in: staff.map((s) => s.id) } }, data: { teamId: team.id } });
  const refund = `Refund rules ${tag}`;
  const night = `Night handover ${tag}`;

  await loginAs(hr.email);
  await page.goto("/needs/new");
  await page.getByLabel("Audience").selectOption("back");
  await page.getByLabel("Closing date").fill(addLocalDays(localDay(new Date()), 7));
  await page.getByLabel("Other topics").fill(`${refund}\n${night}`);
  await page.getByRole("button", { name: "Open the survey" }).click();
  await expect(page).toHaveURL(/\/needs\/\d+\/results$/);
  const roundId = Number(/\/needs\/(\d+)\/results/.exec(page.url())![1]);

  // Refund: 3 + 3 points from two first choices; night: 2 + 2 + 3 — both ahead of every other topic.
  const answers = [
    [refund, night],
    [refund, night],
    [night, null],
  ] as const;
  for (const [i, person] of staff.entries()) {
    await loginAs(person.email);
    await page.goto(`/needs/${roundId}`);
    await page.getByLabel("1st choice").selectOption({ label: answers[i]![0] });
    const second = answers[i]![1];
    if (second) await page.getByLabel("2nd choice").selectOption({ label: second });
    await page.getByRole("button", { name: "Submit answer" }).click();
    await expect(page.getByText("Answer saved")).toBeVisible();
  }

  await loginAs(hr.email);
  await page.goto(`/needs/${roundId}/results`);
  const ranking = page.getByRole("table", { name: "Needs ranking (points)" });
  const top = ranking.locator('tr[data-top="true"]');
  await expect(top).toHaveCount(2);
  await expect(top.nth(0)).toContainText(night);
  await expect(top.nth(1)).toContainText(refund);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("Download CSV").click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split(/\r?\n/);
  // place, topic, points, 1st, 2nd, 3rd choices, top
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^1,${night},7,1,2,0,\\S`)));
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^2,${refund},6,2,0,0,\\S`)));

  await top.nth(1).getByRole("link", { name: "Start a course project" }).click();
  await expect(page).toHaveURL(/\/development\/new\?/);
  await expect(page.getByLabel("The training need it answers")).toHaveValue(refund);
  await expect(page.getByLabel("Needs survey reference")).toHaveValue(
    `round:${roundId}/topic:${await topicId(roundId, refund)}`,
  );
});

async function topicId(roundId: number, label: string) {
  const t = await db.needsTopic.findFirstOrThrow({ where: { roundId, label }, select: { id: true } });
  return t.id;
}
