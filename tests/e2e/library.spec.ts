// Publication as a recorded act (decision 035): a new course file that says `accepted` is only a
// proposal; trainees see it once HR recorded the acceptance and entered it into the library.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { e2eContentDir, saveContentFile } from "./authoring";
import { expect, test } from "./fixtures";

const E2E_DB = process.env.E2E_DB ?? "tests/.tmp/e2e.db";

/** The shipped lessons plus one new file, synced into the e2e database by `content:sync`. */
function syncWithNewCourse(slug: string, tag: string) {
  const text = readFileSync(path.join(e2eContentDir, "courses/big-sale/02-payment-reminders-and-refunds.md"), "utf8")
    .replace(/^slug: .*$/m, `slug: ${slug}`)
    .replace(/^title: .*$/m, `title: { zh: 入库演示${tag}, en: Library proposal ${tag} }`)
    .replace(/^position: .*$/m, "position: 9");
  saveContentFile(`courses/big-sale/09-${slug}.md`, text);
  execFileSync(process.execPath, ["--import", "tsx", "scripts/content-sync.ts", e2eContentDir], {
    env: { ...process.env, DATABASE_URL: `file:${E2E_DB}`, CONTENT_DIR: e2eContentDir },
    stdio: "pipe",
  });
}

test("a new course file is a proposal until HR records its acceptance and enters it", async ({
  page,
  loginAs,
  newUser,
  allowConsoleError,
}) => {
  test.setTimeout(180_000); // the sync runs in its own process first, on a busy machine
  allowConsoleError(/status of 400/); // the refused entry below answers 400 on purpose
  const tag = randomBytes(4).toString("hex");
  const slug = `library-proposal-${tag}`;
  syncWithNewCourse(slug, tag);

  const trainee = await newUser({ roles: ["TRAINEE"], firstTeam: true });
  const hr = await newUser({ roles: ["HR"] });

  await loginAs(trainee.email);
  await page.goto(`/courses?q=${tag}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: `Library proposal ${tag}` })).toHaveCount(0);

  await loginAs(hr.email);
  await page.goto("/library");
  const row = page.locator(`tr[data-course="${slug}"]`);
  await expect(row).toContainText("not judged");
  // Entering before anyone accepted the version is refused, and says why.
  await row.getByRole("button", { name: "Enter into library" }).click();
  await expect(page.locator(`tr[data-course="${slug}"]`).getByRole("alert")).toContainText("no acceptance record");
  await page.locator(`tr[data-course="${slug}"]`).getByLabel("Decision").selectOption("accept");
  await page.locator(`tr[data-course="${slug}"]`).getByRole("button", { name: "Record decision" }).click();
  await expect(page.locator(`tr[data-course="${slug}"]`)).toContainText("accepted");
  await page.locator(`tr[data-course="${slug}"]`).getByRole("button", { name: "Enter into library" }).click();
  await expect(page.locator(`tr[data-course="${slug}"]`)).toContainText("live");

  await loginAs(trainee.email);
  await page.goto(`/courses?q=${tag}`);
  await page
    .getByRole("link", { name: `Library proposal ${tag}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Library proposal ${tag}` })).toBeVisible();
});
