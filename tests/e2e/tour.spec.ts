// Every main page, for each role and in both languages, renders without a console error — a
// hydration mismatch (React #418/#423/#425) is one — and prints a known record's time as the
// Asia/Shanghai wall clock shows it, computed here and not read from the app.
import { e2eDb, expect, test } from "./fixtures";
import { addResult, shanghai } from "./records";

// 16:30 UTC: already the next calendar day in Shanghai (00:30), so a page formatting in UTC or in
// the server's own zone prints a different day and hour.
const TAKEN = new Date("2026-11-20T16:30:00Z");

function addAudit(subjectId: number, at: Date) {
  const db = e2eDb();
  try {
    db.prepare(`INSERT INTO AuditLog (subjectId, action, detail, createdAt) VALUES (?, 'user.roles', '{}', ?)`).run(
      subjectId,
      at.toISOString().replace("Z", "+00:00"),
    );
  } finally {
    db.close();
  }
}

function firstRow<T>(sql: string): T {
  const db = e2eDb();
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

const ROLES = [
  {
    role: "trainee",
    email: "trainee@weike.test",
    pages: ["/", "/courses", "/requests", "/requests/new", "/exams", "/notifications"],
  },
  {
    role: "trainer",
    email: "trainer@weike.test",
    pages: [
      "/",
      "/courses",
      "/schedule",
      "/exams",
      "/exams/drills",
      "/exams/readiness",
      "/dashboard",
      "/notifications",
    ],
  },
  {
    role: "HR",
    email: "hr@weike.test",
    pages: [
      "/",
      "/requests",
      "/requests/new",
      "/schedule",
      "/archive",
      "/exams/readiness",
      "/dashboard",
      "/courses/progress",
    ],
  },
  {
    role: "admin",
    email: "admin@weike.test",
    pages: ["/", "/admin", "/admin/audit", "/admin/content", "/archive", "/dashboard"],
  },
] as const;

for (const lang of ["zh", "en"] as const)
  for (const r of ROLES)
    test(`${r.role} (${lang}): every main page renders in the centre's time zone`, async ({
      page,
      loginAs,
      newUser,
    }) => {
      test.setTimeout(120_000);
      const trainee = await newUser({ firstTeam: true });
      const resultId = addResult({
        userId: trainee.id,
        exam: "quiz:big-sale-knowledge",
        score: 90,
        passed: true,
        figures: { percent: 90, correct: 9, total: 10, passMark: 80, late: false, items: {} },
        createdAt: TAKEN,
      });
      const lesson = firstRow<{ slug: string }>(`SELECT slug FROM Course ORDER BY id LIMIT 1`);
      const request = firstRow<{ id: number } | undefined>(`SELECT id FROM TrainingRequest ORDER BY id DESC LIMIT 1`);
      const survey = firstRow<{ id: number } | undefined>(`SELECT id FROM Survey ORDER BY id DESC LIMIT 1`);
      const extra = [
        `/courses/${lesson.slug}`,
        "/exams/quiz/big-sale-knowledge",
        ...(r.role === "HR" && request ? [`/requests/${request.id}`] : []),
        ...(r.role === "trainer" || r.role === "HR" ? (survey ? [`/surveys/${survey.id}`] : []) : []),
        ...(r.role === "admin" ? [`/admin/users/${trainee.id}`] : []),
      ];
      addAudit(trainee.id, TAKEN);
      // The record whose time is checked: the trainee's own, or seen by staff.
      const viewer = r.role === "trainee" ? trainee.email : r.email;
      await loginAs(viewer, lang);
      for (const path of [...r.pages, ...extra]) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBeLessThan(400);
        await page.waitForLoadState("networkidle");
      }
      const expected = shanghai(TAKEN, lang);
      if (r.role === "admin") {
        await page.goto(`/admin/users/${trainee.id}`);
        await expect(page.locator("main")).toContainText(expected);
      } else {
        await page.goto(`/exams/results/${resultId}`);
        await expect(page.locator("main")).toContainText(expected);
        await page.goto(`/exams/history/${trainee.id}`);
        await expect(page.getByRole("link", { name: expected })).toBeVisible();
        await page.waitForLoadState("networkidle");
      }
    });
