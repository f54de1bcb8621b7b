// Trainer qualifications and certificates: HR's grant, withdrawal and certificate with their
// refusals, the course file's initial list, the trial-lecture hook, access, and the pages' figures.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import * as detailRoute from "~/routes/trainers.$id";
import * as listRoute from "~/routes/trainers._index";
import { listTrainerRecords } from "~/trainers/list.server";
import { trainerProfile } from "~/trainers/profile.server";
import { isQualified, qualifyFromTrial, syncInitialQualifications } from "~/trainers/qualifications.server";
import { createTestUser } from "../../fixtures/users";
import { bodyOf, get, post, statusOf, world, type World } from "../workflow/helpers";

let w: World;
beforeAll(async () => {
  w = await world();
});

const hr = () => ({ id: w.hr.id, roles: ["HR" as const] });
const page = (id: number) => `/trainers/${id}`;
const act = (userId: number, trainerId: number, form: Record<string, string>) =>
  post(detailRoute, page(trainerId), userId, form, { id: String(trainerId) });
const errors = (res: unknown) => bodyOf<{ errors: Record<string, string> }>(res).errors;
const records = (trainerId: number) =>
  db.trainerQualification.findMany({ where: { trainerId }, orderBy: { id: "asc" } });

async function course(trainers: string[] = []) {
  const slug = `c-${Math.random().toString(36).slice(2, 8)}`;
  return db.course.create({
    data: {
      slug,
      titleZh: `课程 ${slug}`,
      titleEn: slug,
      area: "supporting",
      status: "accepted",
      trainers: JSON.stringify(trainers),
    },
    select: { id: true },
  });
}

describe("granting and withdrawing", () => {
  it("refuses a grant without a reason or for a retired course, storing nothing; grants with one (audited)", async () => {
    const t = await createTestUser({ roles: ["TRAINER"] });
    const c = await course();
    const noReason = await act(w.hr.id, t.id, { intent: "grant", courseId: String(c.id), reason: "  " });
    expect(statusOf(noReason)).toBe(400);
    expect(errors(noReason).reason).toBe("trainers:err.reason");
    const retired = await act(w.hr.id, t.id, { intent: "grant", courseId: String(w.retired.id), reason: "why" });
    expect(statusOf(retired)).toBe(400);
    expect(errors(retired).courseId).toBe("trainers:err.course");
    expect(await records(t.id)).toHaveLength(0);

    const ok = await act(w.hr.id, t.id, { intent: "grant", courseId: String(c.id), reason: "Strong mentor feedback" });
    expect(statusOf(ok)).toBe(302);
    const [q] = await records(t.id);
    expect(q).toMatchObject({
      source: "hr",
      grantedById: w.hr.id,
      reason: "Strong mentor feedback",
      withdrawnAt: null,
    });
    expect(await isQualified(db, t.id, c.id)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "trainer.qualify", subjectId: t.id } });
    expect(JSON.parse(audit.detail).reason).toBe("Strong mentor feedback");
    expect(audit.objectKind).toBe("trainer");

    const again = await act(w.hr.id, t.id, { intent: "grant", courseId: String(c.id), reason: "again" });
    expect(statusOf(again)).toBe(409);
    expect(await records(t.id)).toHaveLength(1);
  });

  it("withdraws with a required reason, keeps the record as history, and refuses a second withdrawal", async () => {
    const t = await createTestUser({ roles: ["TRAINER"] });
    const c = await course();
    await act(w.hr.id, t.id, { intent: "grant", courseId: String(c.id), reason: "ok" });
    const [q] = await records(t.id);
    const bare = await act(w.hr.id, t.id, { intent: "withdraw", qualificationId: String(q!.id), reason: "" });
    expect(statusOf(bare)).toBe(400);
    expect(errors(bare).reason).toBe("trainers:err.reason");
    expect((await records(t.id))[0]!.withdrawnAt).toBeNull();

    const ok = await act(w.hr.id, t.id, {
      intent: "withdraw",
      qualificationId: String(q!.id),
      reason: "Three poor surveys",
    });
    expect(statusOf(ok)).toBe(302);
    const after = await records(t.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ withdrawnById: w.hr.id, withdrawReason: "Three poor surveys" });
    expect(after[0]!.withdrawnAt).not.toBeNull();
    expect(await isQualified(db, t.id, c.id)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "trainer.withdraw", subjectId: t.id } })).toBe(1);

    const twice = await act(w.hr.id, t.id, { intent: "withdraw", qualificationId: String(q!.id), reason: "x" });
    expect(statusOf(twice)).toBe(409);
  });

  it("lets only HR change qualifications: a trainer and an administrator are refused", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const c = await course();
    for (const who of [w.trainer.id, admin.id]) {
      const res = await act(who, w.trainer.id, { intent: "grant", courseId: String(c.id), reason: "me" });
      expect(statusOf(res)).toBe(403);
    }
    expect(await isQualified(db, w.trainer.id, c.id)).toBe(false);
  });
});

describe("certificates", () => {
  it("refuses a valid-until on or before the issue day and a missing name, storing nothing", async () => {
    const t = await createTestUser({ roles: ["TRAINER"] });
    const base = { intent: "certificate", name: "金讲台", issuedOn: "2026-06-01", validUntil: "", note: "" };
    const before = await act(w.hr.id, t.id, { ...base, validUntil: "2026-06-01" });
    expect(statusOf(before)).toBe(400);
    expect(errors(before).validUntil).toBe("trainers:err.validUntil");
    const nameless = await act(w.hr.id, t.id, { ...base, name: "" });
    expect(statusOf(nameless)).toBe(400);
    expect(errors(nameless).name).toBe("trainers:err.certName");
    const badDay = await act(w.hr.id, t.id, { ...base, issuedOn: "2026-02-30" });
    expect(statusOf(badDay)).toBe(400);
    expect(await db.trainerCertificate.count({ where: { trainerId: t.id } })).toBe(0);
  });

  it("records one (audited) and marks it valid or expired by the centre's calendar", async () => {
    const t = await createTestUser({ roles: ["TRAINER"] });
    const res = await act(w.hr.id, t.id, {
      intent: "certificate",
      name: "金讲台",
      issuedOn: "2026-06-01",
      validUntil: "2027-05-31",
      note: "Best of the year",
    });
    expect(statusOf(res)).toBe(302);
    expect(await db.auditLog.count({ where: { action: "trainer.certificate", subjectId: t.id } })).toBe(1);
    // 2027-05-31 16:30 UTC is already 2027-06-01 in Shanghai: the last valid day is over.
    const lastDay = await trainerProfile(hr(), t.id, 1, new Date("2027-05-31T15:30:00Z"));
    expect(lastDay.certificates[0]).toMatchObject({ name: "金讲台", state: "valid" });
    const dayAfter = await trainerProfile(hr(), t.id, 1, new Date("2027-05-31T16:30:00Z"));
    expect(dayAfter.certificates[0]!.state).toBe("expired");
  });
});

describe("initial qualifications from the course file", () => {
  it("creates one per listed trainer once, and never re-creates one HR withdrew", async () => {
    const t = await createTestUser({ roles: ["TRAINER"] });
    const c = await course([t.email.toUpperCase(), "nobody@weike.test"]);
    expect(await syncInitialQualifications()).toBeGreaterThanOrEqual(1);
    const [q] = await records(t.id);
    expect(q).toMatchObject({ courseId: c.id, source: "initial", grantedById: null });
    await syncInitialQualifications();
    expect(await records(t.id)).toHaveLength(1);

    await act(w.hr.id, t.id, { intent: "withdraw", qualificationId: String(q!.id), reason: "Left the team" });
    await syncInitialQualifications();
    const after = await records(t.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.withdrawnAt).not.toBeNull();
    expect(await isQualified(db, t.id, c.id)).toBe(false);
  });
});

describe("trial lectures", () => {
  it("qualify once, with the first score; the page lists trial lectures only from scored sessions", async () => {
    const t = await createTestUser({ roles: ["TRAINER"] });
    const c = await course();
    const first = await db.$transaction((tx) =>
      qualifyFromTrial(tx, { trainerId: t.id, courseId: c.id, projectId: null, score: 88 }),
    );
    const second = await db.$transaction((tx) =>
      qualifyFromTrial(tx, { trainerId: t.id, courseId: c.id, projectId: null, score: 91 }),
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const profile = await trainerProfile(hr(), t.id, 1);
    // Scores on the page come from the panel's sheets of a held trial (tests/integration/development/trial.test.ts).
    expect(profile.trials).toEqual([]);
    expect(profile.qualifications[0]!.source).toBe("trial");
  });
});

describe("access", () => {
  it("HR and administrators read any trainer; a trainer only their own; leads and trainees nothing", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    expect(statusOf(await get(detailRoute, page(w.trainer.id), w.hr.id, { id: String(w.trainer.id) }))).toBe(200);
    expect(statusOf(await get(detailRoute, page(w.trainer.id), admin.id, { id: String(w.trainer.id) }))).toBe(200);
    expect(statusOf(await get(detailRoute, page(w.trainer.id), w.trainer.id, { id: String(w.trainer.id) }))).toBe(200);
    expect(statusOf(await get(detailRoute, page(w.trainer.id), w.trainer2.id, { id: String(w.trainer.id) }))).toBe(403);
    expect(statusOf(await get(detailRoute, page(w.trainer.id), w.lead.id, { id: String(w.trainer.id) }))).toBe(403);
    expect(statusOf(await get(listRoute, "/trainers", w.agents[0].id))).toBe(403);
    // Not a trainer: no page, whoever asks.
    expect(statusOf(await get(detailRoute, page(w.hr2.id), w.hr.id, { id: String(w.hr2.id) }))).toBe(404);
    const own = await get(listRoute, "/trainers", w.trainer.id);
    expect(statusOf(own)).toBe(302);
    expect((own as Response).headers.get("Location")).toBe(page(w.trainer.id));
  });
});

describe("figures", () => {
  it("counts classes delivered and reads satisfaction from the survey tallies", async () => {
    const t = await createTestUser({ roles: ["TRAINER"], name: `Zed ${Math.random().toString(36).slice(2, 6)}` });
    const c = await course();
    const heldOn = new Date(Date.now() - 5 * 86_400_000);
    const session = await db.trainingSession.create({
      data: {
        courseId: c.id,
        trainerId: t.id,
        startsAt: heldOn,
        endsAt: new Date(heldOn.getTime() + 3_600_000),
        status: "delivered",
      },
    });
    const survey = await db.survey.create({
      data: { sessionId: session.id, trainerId: t.id, courseId: c.id, heldOn, closesAt: heldOn, kind: "micro" },
    });
    // Four answers on the overall item: two 5s, one 4, one 2 → 75 % satisfied.
    await db.surveyTally.create({
      data: { surveyId: survey.id, teamId: 0, invited: 5, responses: 4, o5: 2, o4: 1, o2: 1 },
    });

    const profile = await trainerProfile(hr(), t.id, 1);
    expect(profile.classes.total).toBe(1);
    const months = profile.trend.filter((m) => m.all !== null);
    expect(months).toHaveLength(1);
    expect(months[0]!.all).toBeCloseTo(0.75);
    expect(months[0]!.micro).toBeCloseTo(0.75);

    const list = await listTrainerRecords({ q: t.name, filter: "all" }, 1);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ id: t.id, delivered: 1, qualified: 0 });
    expect(list.rows[0]!.satisfaction?.rate).toBeCloseTo(0.75);
  });
});
