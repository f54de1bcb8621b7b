import { describe, expect, it } from "vitest";
import { planInfo } from "~/exams/readiness.server";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { myUpcomingClasses } from "~/people/week.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as courseCertLoader } from "~/routes/certificates.$userId.course.$slug";
import { loader as readinessCertLoader } from "~/routes/certificates.$userId.readiness";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";

const HOUR = 3_600_000;

async function course() {
  const slug = `cert-${Math.random().toString(36).slice(2, 8)}`;
  const c = await db.course.create({
    data: { slug, titleZh: "投诉处理", titleEn: "Complaints", area: "customer-service", status: "accepted" },
    select: { id: true, slug: true },
  });
  const v = await db.courseVersion.create({
    data: { courseId: c.id, version: 1, contentHash: "h", frontMatter: "{}", body: "b" },
    select: { id: true },
  });
  return { ...c, versionId: v.id };
}

async function session(trainerId: number, courseId: number, startsAt: Date, attendees: number[], status = "scheduled") {
  return db.trainingSession.create({
    data: {
      trainerId,
      courseId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      room: "三楼 301",
      status,
      attendees: { create: attendees.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
}

describe("a trainee's upcoming classes", () => {
  it("lists scheduled classes they attend from now on, in order, with room, trainer and local times", async () => {
    const me = await createTestUser();
    const other = await createTestUser();
    const trainer = await createTestUser({ roles: ["TRAINER"], name: "讲师甲" });
    const c = await course();
    const now = new Date();
    const later = await session(trainer.id, c.id, new Date(now.getTime() + 48 * HOUR), [me.id]);
    const sooner = await session(trainer.id, c.id, new Date(now.getTime() + 2 * HOUR), [me.id, other.id]);
    await session(trainer.id, c.id, new Date(now.getTime() - 48 * HOUR), [me.id]); // past
    await session(trainer.id, c.id, new Date(now.getTime() + 5 * HOUR), [me.id], "cancelled");
    await session(trainer.id, c.id, new Date(now.getTime() + 3 * HOUR), [other.id]); // not mine

    const classes = await myUpcomingClasses(me.id, now);
    expect(classes.map((x) => x.id)).toEqual([sooner.id, later.id]);
    const starts = new Date(now.getTime() + 2 * HOUR);
    expect(classes[0]).toMatchObject({
      room: "三楼 301",
      trainer: "讲师甲",
      day: localDay(starts),
      courseSlug: c.slug,
    });

    const home = (await homeLoader({
      request: await makeRequest("/", { userId: me.id }),
      params: {},
      context: {},
    })) as {
      week: { classes: { id: number }[] } | null;
    };
    expect(home.week?.classes.map((x) => x.id)).toEqual([sooner.id, later.id]);
  });

  it("is empty for a trainee with nothing scheduled", async () => {
    const me = await createTestUser();
    expect(await myUpcomingClasses(me.id)).toEqual([]);
  });
});

describe("certificates", () => {
  async function completed() {
    const me = await createTestUser({ name: "王小明" });
    const c = await course();
    await db.courseProgress.create({
      data: { userId: me.id, courseId: c.id, courseVersionId: c.versionId, completedAt: new Date() },
    });
    return { me, c };
  }
  const open = async (viewerId: number, ownerId: number, slug: string) =>
    settle(async () =>
      courseCertLoader({
        request: await makeRequest(`/certificates/${ownerId}/course/${slug}`, { userId: viewerId }),
        params: { userId: String(ownerId), slug },
        context: {},
      }),
    );

  it("shows a completed course to the trainee, trainers and HR, with a stable verification id", async () => {
    const { me, c } = await completed();
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const hr = await createTestUser({ roles: ["HR"] });
    const own = await open(me.id, me.id, c.slug);
    expect(own.thrown).toBe(false);
    const cert = own.value as { person: { name: string; employeeNo: string }; completed: { day: string; id: string } };
    expect(cert.person.name).toBe("王小明");
    expect(cert.completed.day).toBe(localDay(new Date()));
    expect(cert.completed.id).toMatch(/^WK-C-[0-9A-F]{5}-[0-9A-F]{5}$/);
    for (const viewer of [trainer, hr]) {
      const seen = await open(viewer.id, me.id, c.slug);
      expect((seen.value as { completed: { id: string } }).completed.id).toBe(cert.completed.id);
    }
  });

  it("refuses another trainee, a lead and an administrator (403), and 404s an unknown course", async () => {
    const { me, c } = await completed();
    for (const roles of [["TRAINEE"], ["LEAD", "TRAINEE"], ["ADMIN"]] as const) {
      const viewer = await createTestUser({ roles: [...roles] });
      expect(((await open(viewer.id, me.id, c.slug)).value as Response).status).toBe(403);
    }
    expect(((await open(me.id, me.id, "no-such-course")).value as Response).status).toBe(404);
  });

  it("a course not completed gives no certificate", async () => {
    const me = await createTestUser();
    const c = await course();
    await db.courseProgress.create({
      data: { userId: me.id, courseId: c.id, courseVersionId: c.versionId, percent: 60 },
    });
    const res = await open(me.id, me.id, c.slug);
    expect((res.value as { completed: unknown }).completed).toBeNull();
  });

  it("readiness: only when ready per the exam plan", async () => {
    const me = await createTestUser();
    const openReadiness = async (viewerId: number) =>
      settle(async () =>
        readinessCertLoader({
          request: await makeRequest(`/certificates/${me.id}/readiness`, { userId: viewerId }),
          params: { userId: String(me.id) },
          context: {},
        }),
      );
    const { keys } = await planInfo();
    expect(keys.length).toBeGreaterThan(0);
    expect(((await openReadiness(me.id)).value as { completed: unknown }).completed).toBeNull();
    for (const exam of keys)
      await db.examResult.create({ data: { userId: me.id, exam, passed: true, valid: true, score: 1, figures: "{}" } });
    const ready = (await openReadiness(me.id)).value as { completed: { id: string; day: string } };
    expect(ready.completed.id).toMatch(/^WK-R-/);
    expect(ready.completed.day).toBe(localDay(new Date()));
    const stranger = await createTestUser();
    expect(((await openReadiness(stranger.id)).value as Response).status).toBe(403);
  });
});
