// Steps of the course-development journey (course-development.spec.ts) that happen outside the
// app or repeat: an author saving a lesson file into the content folder and the sync loading it,
// a person in a browser of their own, and the panel's score and decision forms.
import type { Browser, Locator, Page } from "@playwright/test";
import { courseText, seriesText } from "../unit/catalogue/content-fixtures";
import { saveContentFile, syncE2eContent } from "./authoring";
import { createSessionFor, expect } from "./fixtures";

/**
 * The author saves the lesson file and the content sync runs, as at start-up or `content:sync`:
 * the shipped lessons plus this file, so nothing else is retired.
 */
export async function authorSavesDraft(d: { slug: string; title: string; body: string }) {
  const series = `${d.slug}-series`;
  saveContentFile(`courses/${series}/series.md`, seriesText(series));
  const front = {
    slug: d.slug,
    series,
    status: "draft",
    trainers: "[]",
    title: `{ zh: ${d.title}, en: ${d.title} }`,
  };
  saveContentFile(`courses/${series}/01-${d.slug}.md`, courseText(front, d.body));
  const report = await syncE2eContent();
  expect(report.problems.filter((p) => p.path.includes(d.slug))).toEqual([]);
}

/**
 * A signed-in page in a browser context of its own (another person at another desk). Its console
 * errors are collected; the caller checks them with `expectNoErrors`.
 */
export async function ownBrowser(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL, timezoneId: "Asia/Shanghai" });
  await context.addCookies([
    { name: "weike_session", value: await createSessionFor(email), url: baseURL, httpOnly: true, sameSite: "Lax" },
    { name: "lang", value: "en", url: baseURL },
  ]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  page.on("pageerror", (e) => void errors.push(e.message));
  return {
    page,
    close: async () => {
      await context.close();
      expect(errors, `${email}'s browser logged errors`).toEqual([]);
    },
  };
}

/** The card of the trial lecture that presented that version. */
export const trialCard = (page: Page, version: number): Locator =>
  page.getByTestId("trial").filter({ has: page.getByRole("heading", { name: `Trial lecture of version ${version}` }) });

const CRITERIA = [
  "Accuracy against the source",
  "Structure",
  "Fits the time",
  "Exercises",
  "Delivery",
  "Phrasing policy",
];

/** A judge scores every criterion of the rubric with the same mark. */
export async function score(page: Page, version: number, mark: number, comment: string) {
  const card = trialCard(page, version);
  for (const c of CRITERIA) await card.getByLabel(c, { exact: true }).fill(String(mark));
  await card.getByLabel("Comment", { exact: true }).fill(comment);
  await card.getByRole("button", { name: "Submit score" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

/** The chair records the decision on the version the trial presented. */
export async function decide(page: Page, version: number, decision: "accept" | "revise", reason = "") {
  const card = trialCard(page, version);
  // The label wraps the select, so its text holds the options too: find the box by its name.
  await card.getByRole("combobox", { name: "Decision" }).selectOption(decision);
  await card.getByLabel("Reason / changes required").fill(reason);
  await card.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

/** HR books the trial lecture of the newest version: trainer, room, time and one listener. */
export async function scheduleTrial(
  page: Page,
  t: { trainer: string; room: string; startsAt: string; listener: string; version: number },
) {
  await page.getByLabel("Trainer (a project member)").selectOption({ label: t.trainer });
  await page.getByLabel("Room", { exact: true }).fill(t.room);
  await page.getByLabel("Starts at").fill(t.startsAt);
  await page.getByLabel(t.listener, { exact: true }).check();
  await page.getByRole("button", { name: "Schedule trial lecture" }).click();
  const card = trialCard(page, t.version);
  await expect(card).toContainText(`Trainer: ${t.trainer}`);
  await expect(card).toContainText(`Room: ${t.room}`);
}
