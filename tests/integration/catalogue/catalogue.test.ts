import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { loader as lessonLoader } from "~/routes/courses.$slug";
import { loader as catalogueLoader } from "~/routes/courses._index";
import { loader as seriesLoader } from "~/routes/series.$slug";
import { syncAndEnter } from "../../fixtures/library";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";

// The real lessons in content/: 21 accepted, one trial, one draft.
beforeAll(async () => {
  await syncAndEnter(process.env.CONTENT_DIR!);
});

async function list(userId: number, query = "") {
  const request = await makeRequest(`/courses${query}`, { userId });
  return catalogueLoader({ request, params: {}, context: {} });
}
const slugs = (r: Awaited<ReturnType<typeof list>>) => r.courses.map((c) => c.slug);

describe("catalogue", () => {
  it("shows trainees accepted courses only, and staff also trial and draft ones", async () => {
    const trainee = await createTestUser();
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const forTrainee = await list(trainee.id);
    expect(forTrainee.total).toBe(21);
    expect(forTrainee.courses.every((c) => c.status === "accepted")).toBe(true);
    const forTrainer = await list(trainer.id);
    expect(forTrainer.total).toBe(23);
    // 23 courses fill more than one page of 20.
    const trainerAll = [...forTrainer.courses, ...(await list(trainer.id, "?page=2")).courses];
    expect(trainerAll).toHaveLength(23);
    expect(new Set(trainerAll.map((c) => c.status))).toEqual(new Set(["accepted", "trial", "draft"]));
    expect(slugs(await list(trainer.id, "?status=draft"))).toEqual(["typing-and-tools"]);
    // A trainee asking for drafts still gets accepted courses only.
    expect((await list(trainee.id, "?status=draft")).courses.every((c) => c.status === "accepted")).toBe(true);
    const draft = await settle(async () =>
      lessonLoader({
        request: await makeRequest("/courses/typing-and-tools", { userId: trainee.id }),
        params: { slug: "typing-and-tools" },
        context: {},
      }),
    );
    expect((draft.value as Response).status).toBe(404);
  });

  it("finds courses by Chinese keywords of two or more characters and by English words", async () => {
    const u = await createTestUser();
    const q = async (text: string) => slugs(await list(u.id, `?q=${encodeURIComponent(text)}`));
    expect(await q("投诉")).toContain("complaint-four-steps");
    expect((await q("投诉"))[0]).toBe("complaint-four-steps");
    expect(await q("投诉处理")).toContain("complaint-four-steps");
    expect(await q("退款")).toContain("payment-reminders-and-refunds");
    expect(await q("refund")).toContain("payment-reminders-and-refunds");
    expect(await q("Complaint Handling")).toEqual(["complaint-four-steps"]);
    expect(await q("zzzzqqq")).toEqual([]);
  });

  it("never errors on FTS syntax in the query", async () => {
    const u = await createTestUser();
    for (const text of [
      '"',
      '""',
      "*",
      "NEAR",
      "NEAR(退款 投诉)",
      "(",
      ")",
      "a OR b",
      "-x",
      "投诉 AND",
      "^",
      "客户:",
      "退款*",
      "'; DROP TABLE Course; --",
      "%_\\",
    ]) {
      const r = await list(u.id, `?q=${encodeURIComponent(text)}`);
      expect(Array.isArray(r.courses)).toBe(true);
    }
    expect(await db.course.count()).toBeGreaterThan(0);
  });

  it("filters by series, area, competency, duration and grade, and pages", async () => {
    const u = await createTestUser();
    expect(slugs(await list(u.id, "?series=marketing-five-steps"))).toEqual([
      "marketing-opening",
      "customer-types",
      "uncovering-needs",
      "presenting-the-plan",
      "closing-the-deal",
    ]);
    const supporting = await list(u.id, "?area=supporting");
    expect(supporting.courses.every((c) => c.area === "supporting") && supporting.total > 0).toBe(true);
    const comm = await list(u.id, "?competency=communication");
    expect(comm.total).toBeGreaterThan(0);
    const tags = await db.course.findMany({
      where: { slug: { in: comm.courses.map((c) => c.slug) } },
      select: { competencies: true },
    });
    expect(tags.length).toBe(comm.courses.length);
    expect(tags.every((c) => (JSON.parse(c.competencies) as string[]).includes("communication"))).toBe(true);
    // The tags filter in SQL; the cards do not carry them.
    expect(comm.courses.every((c) => !("competencies" in c))).toBe(true);
    expect(slugs(await list(u.id, "?duration=15"))).toEqual(["double-11-key-points", "opening-and-closing-lines"]);
    expect(slugs(await list(u.id, "?duration=30"))).toEqual(["review-follow-up", "asking-for-a-supervisor"]);
    expect((await list(u.id, "?duration=60")).total).toBe(17);
    // Business knowledge, the first area of the competency model, offers at least three courses.
    const business = await list(u.id, "?area=business");
    expect(business.courses.every((c) => c.area === "business" && c.status === "accepted")).toBe(true);
    expect(business.total).toBeGreaterThanOrEqual(3);
    const senior = await list(u.id, "?grade=senior");
    expect(senior.courses.every((c) => c.grade === "senior")).toBe(true);
    // Unknown values are ignored rather than failing the page.
    expect((await list(u.id, "?area=nonsense&page=-3")).total).toBe(21);
    const page2 = await list(u.id, "?page=2");
    // 21 accepted courses: a full first page of 20 and one on the second.
    expect(page2.pages).toBe(2);
    expect(page2.courses).toHaveLength(1);
  });

  it("shows the visitor's own status on each card and a series' progress", async () => {
    const u = await createTestUser();
    const c = await db.course.findUniqueOrThrow({
      where: { slug: "marketing-opening" },
      select: { id: true, currentVersionId: true },
    });
    await db.courseProgress.create({
      data: { userId: u.id, courseId: c.id, courseVersionId: c.currentVersionId!, sectionsTotal: 6, percent: 50 },
    });
    const closing = await db.course.findUniqueOrThrow({
      where: { slug: "closing-the-deal" },
      select: { id: true, currentVersionId: true },
    });
    await db.courseProgress.create({
      data: {
        userId: u.id,
        courseId: closing.id,
        courseVersionId: closing.currentVersionId!,
        sectionsTotal: 6,
        percent: 100,
        completedAt: new Date(),
      },
    });
    const r = await list(u.id, "?series=marketing-five-steps");
    const my = Object.fromEntries(
      r.courses.map((x) => [x.slug, x.my.state === "progress" ? `progress ${x.my.percent}` : x.my.state]),
    );
    expect(my).toMatchObject({
      "marketing-opening": "progress 50",
      "closing-the-deal": "done",
      "customer-types": "new",
    });
    // Someone else's progress is not shown.
    const other = await createTestUser();
    expect((await list(other.id, "?series=marketing-five-steps")).courses.every((x) => x.my.state === "new")).toBe(
      true,
    );

    const series = await seriesLoader({
      request: await makeRequest("/series/marketing-five-steps", { userId: u.id }),
      params: { slug: "marketing-five-steps" },
      context: {},
    });
    expect(series.modules.map((m) => m.position)).toEqual([1, 2, 3, 4, 5]);
    expect(series.done).toBe(1);
    expect(series.totalMinutes).toBe(300);
  });
});
