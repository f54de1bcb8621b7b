// Competency profiles end to end: a trainee assesses themself, a trainer scores a drill on the
// drill page, the profile shows the radar, the top gap and a recommended course, and the lead opens
// the team heatmap and proposes the team's needs to the next needs survey, which HR then sees.
import { COMPETENCY_LABELS, type CompetencyId } from "#app/content/competencies";
import { scoreDrill, selfAssessAllFair } from "./competency-steps";
import { expect, test } from "./fixtures";

test("self-assessment, drill evidence, profile with radar and recommendation, lead's heatmap", async ({
  loginAs,
  newUser,
}) => {
  // Four sign-ins, a drill sitting and HR's form: more than the default budget.
  test.setTimeout(90_000);
  const me = await newUser({ like: "trainee@weike.test" });
  const p = await loginAs(me.email, "en");
  await selfAssessAllFair(p);

  // The trainer's rubric on a scenario card scoring communication 1.
  await scoreDrill(await loginAs("trainer@weike.test", "en"), me, { communication: 1 });
  await loginAs(me.email, "en");
  await p.goto("/competency");
  await expect(p.getByRole("img", { name: "Level against the grade's target" })).toBeVisible();
  const row = p.locator('tr[data-indicator="communication"]');
  await expect(row).toContainText("1");
  await expect(row).toContainText("from the drill rubric");
  await expect(p.locator('tr[data-indicator="teamwork"]')).toContainText("from the self-assessment");
  const recs = p.getByRole("region", { name: "Courses for your competency gaps" });
  await expect(recs.getByRole("link").first()).toBeVisible();
  await expect(recs).toContainText("Interpersonal communication 1 / target 2, weight 11.55");

  // The same course on the home.
  await p.goto("/");
  await expect(p.getByRole("region", { name: "Courses for your competency gaps" })).toContainText("weight 11.55");

  // The lead of the trainee's team sees them on the heatmap and proposes the team's needs.
  const { db } = await import("#app/lib/db.server");
  const { team } = await db.user.findUniqueOrThrow({
    where: { id: me.id },
    select: { team: { select: { id: true, name: true } } },
  });
  const lead = await loginAs("lead@weike.test", "en");
  await lead.goto(`/competency/teams/${team!.id}`);
  const heat = lead.locator("table.heatmap");
  await expect(heat).toBeVisible();
  await expect(heat.getByRole("row", { name: new RegExp(me.name) })).toBeVisible();
  const propose = lead.locator('form[action="/needs/proposals"]');
  const proposed = (await propose
    .locator('input[name="competency"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))) as CompetencyId[];
  expect(proposed.length).toBeGreaterThan(0);
  await propose.getByRole("button", { name: "Propose to the next needs survey" }).click();
  await expect(lead).toHaveURL(new RegExp(`/competency/teams/${team!.id}$`));
  await expect(lead.getByText(/needs? proposed\./)).toBeVisible();

  // HR's form for the next survey shows the proposal, ticked.
  const hr = await loginAs("hr@weike.test", "en");
  await hr.goto("/needs/new");
  const topic = hr.locator("label", { hasText: COMPETENCY_LABELS[proposed[0]!].en });
  await expect(topic).toContainText(`proposed by team ${team!.name}`);
  await expect(topic.getByRole("checkbox")).toBeChecked();
});
