// Course development end to end: HR starts a project with its team, links a content file that
// has two synced versions, reads the versions and their diff; a reviewer comments on a section
// and the author marks the comment done.
import { courseText, seriesText } from "../unit/catalogue/content-fixtures";
import { saveContentFile, syncE2eContent } from "./authoring";
import { expect, test } from "./fixtures";

/** Two versions of a new lesson, synced the way the server syncs: the real content plus the file. */
async function syncTwoVersions(slug: string) {
  const series = `${slug}-series`;
  const file = `courses/${series}/01-${slug}.md`;
  saveContentFile(`courses/${series}/series.md`, seriesText(series));
  saveContentFile(file, courseText({ slug, series, status: "draft" }, "## 开场\n您好，请稍等\n\n## 处理\n记录问题\n"));
  await syncE2eContent();
  saveContentFile(
    file,
    courseText({ slug, series, status: "draft" }, "## 开场\n您好，请您稍候\n\n## 处理\n记录问题\n"),
  );
  await syncE2eContent();
}

test("HR starts a project, links a draft, compares versions; a reviewer comments and the author closes it", async ({
  loginAs,
  newUser,
}) => {
  // Two syncs of the whole content folder come first; on a loaded machine they take a while.
  test.setTimeout(120_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const slug = `e2e-dev-${tag}`;
  await syncTwoVersions(slug);
  const author = await newUser({ roles: ["TRAINER"], name: `Author ${tag}` });
  const reviewer = await newUser({ roles: ["TRAINER"], name: `Reviewer ${tag}` });

  const page = await loginAs("hr@weike.test");
  await page.goto("/development/new");
  await page.getByLabel("Working title").fill(`Complaint follow-up ${tag}`);
  await page.getByLabel("The training need it answers").fill("Agents escalate too many complaints.");
  await page.getByLabel("Member 1 · Person").selectOption(String(author.id));
  await page.getByLabel("Member 1 · Role").selectOption("author");
  await page.getByLabel("Member 2 · Person").selectOption(String(reviewer.id));
  await page.getByLabel("Member 2 · Role").selectOption("reviewer");
  await page.getByLabel("Milestone 1 · Due date").fill("2026-12-20");
  await page.getByRole("button", { name: "Create project" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Complaint follow-up ${tag}` })).toBeVisible();
  await expect(page.getByTestId("project-stage")).toHaveText("Drafting");
  await expect(page.getByTestId("team-development")).toContainText(author.name);

  await page.getByLabel("Course slug").fill(slug);
  await page.getByRole("button", { name: "Link", exact: true }).click();
  const versions = page.getByTestId(`versions-${slug}`);
  await expect(versions.getByRole("rowheader")).toHaveText(["Version 2", "Version 1"]);
  const diff = page.getByTestId("version-diff");
  await expect(diff.locator("del")).toHaveText(["等"]);
  await expect(diff.locator("ins")).toHaveText(["您", "候"]);
  await expect(page.getByTestId("project-history")).toContainText(slug);

  await loginAs(reviewer.email);
  await page.reload();
  await page.getByLabel("Section").selectOption({ label: "Version 2 · 处理" });
  await page.getByRole("textbox", { name: "Comment" }).fill("Say how long the customer will wait.");
  await page.getByRole("button", { name: "Post comment" }).click();
  const comments = page.getByTestId("comments");
  await expect(comments).toContainText("Say how long the customer will wait.");
  await expect(comments).toContainText("Open");
  await expect(comments.getByRole("button", { name: "Mark done" })).toBeVisible();
  await expect(versions.getByRole("row").nth(1).getByRole("cell").last()).toHaveText("1");

  await loginAs(author.email);
  await page.reload();
  await comments.getByRole("button", { name: "Mark done" }).click();
  await expect(comments).toContainText(`done by ${author.name}`);
  await expect(versions.getByRole("row").nth(1).getByRole("cell").last()).toHaveText("0");
});
