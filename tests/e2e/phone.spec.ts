// Layout on a phone (390 × 844) and on a 1280 px desktop: no page may be wider than the screen
// (only a box that scrolls on its own may hold something wider), charts fill their card, the
// typing test keeps its clock and the start of its passage in view, badges never break.
import type { Page } from "@playwright/test";
import { e2eDb, expect, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** Ids the pages need, read from the seeded e2e database. */
function ids() {
  const db = e2eDb();
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { v: number | string } | undefined)?.v;
    return {
      lesson: one(`SELECT slug AS v FROM Course ORDER BY id LIMIT 1`),
      request: one(`SELECT id AS v FROM TrainingRequest ORDER BY id LIMIT 1`),
      leadRequest: one(
        `SELECT r.id AS v FROM TrainingRequest r JOIN User u ON u.id = r.requesterId WHERE u.email = 'lead@weike.test' ORDER BY r.id LIMIT 1`,
      ),
      session: one(`SELECT id AS v FROM TrainingSession ORDER BY id LIMIT 1`),
      trainee: one(`SELECT id AS v FROM User WHERE email = 'trainee@weike.test'`),
      result: one(
        `SELECT r.id AS v FROM ExamResult r JOIN User u ON u.id = r.userId WHERE u.email = 'trainee@weike.test' ORDER BY r.id LIMIT 1`,
      ),
      survey: one(
        `SELECT i.surveyId AS v FROM SurveyInvite i JOIN User u ON u.id = i.userId WHERE u.email = 'trainee@weike.test' ORDER BY i.surveyId LIMIT 1`,
      ),
      admin: one(`SELECT id AS v FROM User WHERE email = 'trainee2@weike.test'`),
    };
  } finally {
    db.close();
  }
}

function quizIds(): string[] {
  const db = e2eDb();
  try {
    const rows = db
      .prepare(`SELECT DISTINCT key AS v FROM ExamContentVersion WHERE kind = 'bank' ORDER BY key`)
      .all() as { v: string }[];
    return rows.map((r) => r.v);
  } catch {
    return [];
  } finally {
    db.close();
  }
}

function pagesFor(role: string): string[] {
  const i = ids();
  const pages: Record<string, (string | false)[]> = {
    trainee: [
      "/",
      "/courses",
      i.lesson !== undefined && `/courses/${i.lesson}`,
      "/exams",
      "/exams/typing",
      "/exams/response",
      "/exams/quick-reply",
      `/exams/history/${i.trainee}`,
      i.result !== undefined && `/exams/results/${i.result}`,
      i.survey !== undefined && `/surveys/${i.survey}`,
      "/notifications",
      ...quizIds().map((bank) => `/exams/quiz/${bank}`),
    ],
    lead: [
      "/",
      "/requests",
      "/requests/new",
      i.leadRequest !== undefined && `/requests/${i.leadRequest}`,
      "/exams",
      "/notifications",
      "/assignments",
      "/coverage",
    ],
    trainer: [
      "/",
      "/schedule",
      i.session !== undefined && `/schedule/${i.session}`,
      "/dashboard",
      "/surveys/sessions/new",
      "/exams",
      "/exams/drills",
      "/exams/readiness",
      "/courses/progress",
      "/notifications",
    ],
    hr: [
      "/",
      "/requests",
      i.request !== undefined && `/requests/${i.request}`,
      "/requests/new",
      "/schedule",
      "/archive",
      "/dashboard",
      "/exams",
      "/exams/readiness",
      "/notifications",
      "/assignments",
      "/coverage",
    ],
    admin: ["/admin", "/admin/audit", "/admin/content", "/admin/users/new", `/admin/users/${i.admin}`, "/courses"],
  };
  return pages[role]!.filter((p): p is string => typeof p === "string");
}

/**
 * What sticks out to the right of the screen: the page itself scrolling sideways, and every
 * outermost element past the right edge that no scrolling box holds. Hidden copies (clipped,
 * for screen readers) do not count.
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const se = document.scrollingElement!;
    if (se.scrollWidth > se.clientWidth) out.push(`page is ${se.scrollWidth} px wide in ${se.clientWidth} px`);
    const vw = document.documentElement.clientWidth;
    const reported = new Set<Element>();
    const held = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (reported.has(p)) return true;
        const s = getComputedStyle(p);
        if (s.clip !== "auto" && s.clip !== "") return true;
        if (["auto", "scroll"].includes(s.overflowX) && p.getBoundingClientRect().right <= vw + 1) return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
      if (getComputedStyle(el).clip !== "auto" && getComputedStyle(el).clip !== "") continue;
      if (held(el)) continue;
      reported.add(el);
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}`;
      out.push(`${name} reaches ${Math.round(r.right)} px: "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    return out;
  });
}

for (const lang of ["zh", "en"] as const)
  for (const role of ["trainee", "lead", "trainer", "hr", "admin"])
    test(`phone ${lang}: ${role}'s pages fit 390 px`, async ({ page, loginAs }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(PHONE);
      await loginAs(`${role}@weike.test`, lang);
      const problems: string[] = [];
      for (const url of pagesFor(role)) {
        const res = await page.goto(url);
        expect(res?.status(), url).toBeLessThan(400);
        // Charts draw after hydration: measure what the reader sees.
        await page.waitForLoadState("networkidle");
        if (url === "/dashboard") await page.locator(".recharts-surface").first().waitFor();
        for (const p of await overflow(page)) problems.push(`${url}: ${p}`);
      }
      expect(problems).toEqual([]);
    });

for (const lang of ["zh", "en"] as const)
  test(`phone ${lang}: the typing test keeps its clock and the passage's start in view`, async ({
    page,
    loginAs,
    newUser,
  }) => {
    await page.setViewportSize(PHONE);
    const me = await newUser({ like: "trainee@weike.test" });
    await loginAs(me.email, lang);
    await page.goto("/exams/typing");
    await page.getByRole("button", { name: lang === "zh" ? /开始/ : "Start the clock" }).click();
    const input = page.locator("#typing-input");
    await expect(input).toBeFocused();
    await input.pressSequentially("abc");
    const inView = async (selector: string) => {
      const box = (await page.locator(selector).first().boundingBox())!;
      return box.y >= 0 && box.y + box.height <= PHONE.height;
    };
    expect(await inView('[data-testid="time-left"]'), "the clock").toBe(true);
    expect(await inView(".exams-passage > span"), "the passage's first character").toBe(true);
    expect(await inView("#typing-input"), "the input").toBe(true);
    expect(await overflow(page)).toEqual([]);
  });

test.describe("desktop 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the dashboard's charts fill their cards", async ({ page, loginAs }) => {
    await loginAs("hr@weike.test", "en");
    await page.goto("/dashboard");
    await page.locator(".recharts-surface").first().waitFor();
    const widths = await page.locator("figure.chart").evaluateAll((figs) =>
      figs.map((f) => {
        const s = getComputedStyle(f);
        const inner = f.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        // The widest surface is the chart; legend icons are small surfaces of their own.
        const svgs = [...f.querySelectorAll(".recharts-surface")].map((e) => e.getBoundingClientRect().width);
        return { inner, svg: Math.max(0, ...svgs) };
      }),
    );
    expect(widths.length).toBeGreaterThan(0);
    for (const w of widths) expect(w.svg / w.inner).toBeGreaterThanOrEqual(0.9);
  });

  test("HR's menu in English fits one row", async ({ page, loginAs }) => {
    await loginAs("hr@weike.test", "en");
    await page.goto("/requests");
    const tops = await page
      .locator(".main-nav > ul > li")
      .evaluateAll((lis) => lis.map((l) => l.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThan(3);
    expect(new Set(tops).size).toBe(1);
  });

  for (const lang of ["zh", "en"] as const)
    test(`${lang}: badges and names never break mid-word`, async ({ page, loginAs }) => {
      test.setTimeout(60_000);
      const broken: string[] = [];
      for (const [who, urls] of [
        ["hr", ["/requests", "/archive", "/schedule", "/exams/readiness"]],
        ["admin", ["/admin"]],
        ["trainer", ["/schedule", "/exams/readiness"]],
      ] as const) {
        await loginAs(`${who}@weike.test`, lang);
        for (const url of urls) {
          await page.goto(url);
          const lines = await page.locator(".badge, .user-menu__name, .person-name").evaluateAll((els) =>
            els.map((el) => {
              const range = document.createRange();
              range.selectNodeContents(el);
              const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
              return { text: (el.textContent ?? "").trim(), lines: tops.size };
            }),
          );
          for (const l of lines) if (l.lines > 1) broken.push(`${url}: "${l.text}" on ${l.lines} lines`);
        }
      }
      expect(broken).toEqual([]);
    });
});
