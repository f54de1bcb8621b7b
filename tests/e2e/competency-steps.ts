// Steps the competency specs share: a trainee's self-assessment and a trainer's drill score, both
// through the pages a real user would use.
import type { Page } from "@playwright/test";
import { COMPETENCY_IDS, COMPETENCY_LABELS, type CompetencyId } from "#app/content/competencies";
import type { E2eUser } from "./fixtures";
import { expect } from "./fixtures";

/** Rates every indicator "3 fair" on /competency/self and sends it; lands on the profile. */
export async function selfAssessAllFair(page: Page): Promise<void> {
  await page.goto("/competency/self");
  const groups = page.locator("fieldset");
  await expect(groups).toHaveCount(COMPETENCY_IDS.length);
  for (let i = 0; i < COMPETENCY_IDS.length; i++) await groups.nth(i).getByText("3 fair").click();
  await page.getByRole("button", { name: "Send self-assessment" }).click();
  await expect(page).toHaveURL(/\/competency$/);
  await expect(page.getByRole("heading", { name: "My competency profile" })).toBeVisible();
}

/**
 * The trainer records a sitting on the damaged-parcel card (communication, self-management,
 * understand-needs, offer-solution) with the trainee present, then scores them: `marks` for the
 * named indicators, 3 for the card's others. Lands on the result page.
 */
export async function scoreDrill(page: Page, trainee: E2eUser, marks: Partial<Record<CompetencyId, number>>) {
  const card: CompetencyId[] = ["communication", "self-management", "understand-needs", "offer-solution"];
  await page.goto("/exams/drills");
  await page.locator("#scenario").selectOption("damaged-parcel");
  await page.getByRole("checkbox", { name: new RegExp(trainee.name) }).check();
  await page.getByRole("button", { name: "Record the sitting" }).click();
  await expect(page).toHaveURL(/\/exams\/drills\?sitting=\d+/);
  await expect(page.getByTestId("scenario-card")).toBeVisible();
  await page.locator("#traineeId").selectOption(String(trainee.id));
  for (const id of card)
    await page.getByLabel(`${COMPETENCY_LABELS[id].en}: ${marks[id] ?? 3}`, { exact: true }).check();
  await page.getByRole("button", { name: "Save the score" }).click();
  await expect(page).toHaveURL(/\/exams\/results\/\d+/);
}
