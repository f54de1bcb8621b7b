// Light trainee pages: the competency radar is SVG drawn on the server (no chart library in the
// browser), and a lesson's body arrives once — in the page's markup on a full load, in the data on
// a client navigation — and reads the same either way (decision 055). At desktop width and 390 px.
import { expect, test } from "./fixtures";

const SLUG = "payment-reminders-and-refunds";
const RADAR = "Level against the grade's target";

for (const width of [1280, 390]) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the competency profile draws its radar as SVG with its numbers beside it", async ({ loginAs, newUser }) => {
      const me = await newUser({ like: "trainee@weike.test" });
      const page = await loginAs(me.email, "en");
      await page.goto("/competency");
      const radar = page.getByRole("img", { name: RADAR });
      await expect(radar).toBeVisible();
      expect(await radar.evaluate((e) => e.tagName.toLowerCase())).toBe("svg");
      // Eleven axes with their labels, the target's and the level's polygons.
      await expect(radar.locator("line")).toHaveCount(11);
      await expect(radar.locator("polygon.radar__target")).toHaveCount(1);
      await expect(radar.locator("polygon.radar__value")).toHaveCount(1);
      await expect(radar).toContainText("Teamwork");
      // The numbers as a table: one row per indicator, with its target.
      const figure = page.locator("figure.radar");
      const rows = figure.locator(".chart__table tbody tr");
      await expect(rows).toHaveCount(11);
      await expect(figure.locator(".chart__table")).toContainText("Teamwork");
      await figure.getByText("Show as a table").click();
      await expect(rows.first()).toBeVisible();
      // Drawn without a chart library, and inside the page's width.
      await expect(page.locator(".recharts-surface")).toHaveCount(0);
      const box = (await radar.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);

      await page.goto("/competency/self");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });

    test("a lesson reads the same opened by a link and by a full load, its body sent once", async ({
      loginAs,
      newUser,
    }) => {
      const me = await newUser({ like: "trainee@weike.test" });
      const page = await loginAs(me.email, "zh");
      const bodies = () => page.locator("main .lesson__md").evaluateAll((els) => els.map((e) => e.innerHTML));

      await page.goto(`/courses/${SLUG}`);
      await expect(page.locator("main h1")).toHaveText("催付与退款");
      const full = await bodies();
      expect(full.length).toBeGreaterThanOrEqual(4);
      for (const html of full) expect(html.length).toBeGreaterThan(20);

      // The page's own bytes carry each part once: markup yes, hydration data no.
      const raw = await (await page.request.get(`/courses/${SLUG}`)).text();
      const snippet = full[1]!.slice(0, 60);
      expect(raw.split(snippet).length - 1).toBe(1);

      // By a link: the data brings the HTML, and the body is the same.
      await page.goto(`/courses?q=${encodeURIComponent("催付")}`);
      await page.getByRole("link", { name: "催付与退款" }).first().click();
      await expect(page).toHaveURL(`/courses/${SLUG}`);
      await expect(page.locator("main h1")).toHaveText("催付与退款");
      await expect.poll(bodies).toEqual(full);

      // And back from another lesson by a link, to the one loaded in full.
      await page
        .getByRole("link", { name: /返回|Back/ })
        .first()
        .click();
      await expect(page).toHaveURL(/\/courses$/);
      await page.goBack();
      await expect(page).toHaveURL(`/courses/${SLUG}`);
      // The URL changes before the navigation's data has arrived: wait for the lesson itself.
      await expect(page.locator("main h1")).toHaveText("催付与退款");
      await expect.poll(bodies).toEqual(full);
    });
  });
}
