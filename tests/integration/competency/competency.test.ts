import { describe, expect, it } from "vitest";
import { evidenceFor } from "~/competency/evidence.server";
import { competencyModel } from "~/competency/model.server";
import { loadProfile, loadTeamHeatmap } from "~/competency/profile.server";
import { submitSelfAssessment } from "~/competency/self.server";
import { COMPETENCY_IDS } from "~/content/competencies";
import { db } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";
import { loader as personLoader } from "~/routes/competency.people.$id";
import { action as selfAction } from "~/routes/competency.self";
import { loader as teamLoader } from "~/routes/competency.teams.$id";
import { createTestTeam, createTestUser, makeRequest, settle } from "../../fixtures/users";

const all = (n: number) => Object.fromEntries(COMPETENCY_IDS.map((id) => [id, String(n)]));

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error("not refused");
}

/** The HTTP status of what a loader or action answered: a Response, `data(..., init)`, or plain data. */
function statusOf(r: { value: unknown }) {
  if (r.value instanceof Response) return r.value.status;
  return (r.value as { init?: { status?: number } } | null)?.init?.status ?? 200;
}

describe("self-assessment", () => {
  it("stores a full set once per period and refuses a second one in the same period", async () => {
    const me = await createTestUser();
    const nov = new Date("2026-11-20T04:00:00Z");
    await submitSelfAssessment(me.id, all(3), nov);
    const again = await refusal(submitSelfAssessment(me.id, all(4), new Date("2026-12-31T15:00:00Z"))); // 23:00 31 Dec in Shanghai
    expect(again).toMatchObject({ status: 409, messageKey: "competency:self.again", params: { period: "2026-10" } });
    const rows = await db.selfAssessment.findMany({ where: { userId: me.id } });
    expect(rows.map((r) => [r.period, JSON.parse(r.scores).communication])).toEqual([["2026-10", 3]]);
    // 1 January in Shanghai is already the next quarter, though still 31 December in UTC.
    await submitSelfAssessment(me.id, all(4), new Date("2026-12-31T16:30:00Z"));
    expect(await db.selfAssessment.count({ where: { userId: me.id } })).toBe(2);
  });

  it("refuses a score outside 1–5 or a missing one, naming the fields, and stores nothing", async () => {
    const me = await createTestUser();
    const e = await refusal(
      submitSelfAssessment(me.id, { ...all(3), teamwork: "6", communication: "2.5", "it-application": "" }),
    );
    expect(e.status).toBe(400);
    expect(Object.keys(e.fieldErrors).sort()).toEqual(["communication", "it-application", "teamwork"]);
    expect(await db.selfAssessment.count({ where: { userId: me.id } })).toBe(0);
  });

  it("answers a plain POST with 400 and then 409 through the route", async () => {
    const me = await createTestUser();
    const bad = await settle(async () =>
      selfAction({
        request: await makeRequest("/competency/self", { userId: me.id, form: { ...all(3), teamwork: "0" } }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(bad)).toBe(400);
    const ok = await settle(async () =>
      selfAction({
        request: await makeRequest("/competency/self", { userId: me.id, form: all(3) }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(ok)).toBe(302);
    const twice = await settle(async () =>
      selfAction({
        request: await makeRequest("/competency/self", { userId: me.id, form: all(2) }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(twice)).toBe(409);
  });
});

describe("who may see a profile and a heatmap", () => {
  async function setup() {
    const team = await createTestTeam();
    const other = await createTestTeam();
    const member = await createTestUser({ teamId: team.id });
    const outsider = await createTestUser({ teamId: other.id });
    const lead = await createTestUser({ roles: ["LEAD", "TRAINEE"], teamId: team.id });
    await db.team.update({ where: { id: team.id }, data: { leads: { connect: { id: lead.id } } } });
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const hr = await createTestUser({ roles: ["HR"] });
    const admin = await createTestUser({ roles: ["ADMIN"] });
    return { team, other, member, outsider, lead, trainer, hr, admin };
  }
  const person = async (viewer: number, id: number) =>
    statusOf(
      await settle(async () =>
        personLoader({
          request: await makeRequest(`/competency/people/${id}`, { userId: viewer }),
          params: { id: String(id) },
          context: {},
        }),
      ),
    );
  const heat = async (viewer: number, id: number) =>
    statusOf(
      await settle(async () =>
        teamLoader({
          request: await makeRequest(`/competency/teams/${id}`, { userId: viewer }),
          params: { id: String(id) },
          context: {},
        }),
      ),
    );

  it("profile: self yes, another trainee no, a lead only their team's members, trainers and HR anyone", async () => {
    const s = await setup();
    expect(await person(s.member.id, s.member.id)).toBe(200);
    expect(await person(s.outsider.id, s.member.id)).toBe(403);
    expect(await person(s.lead.id, s.member.id)).toBe(200);
    expect(await person(s.lead.id, s.outsider.id)).toBe(403);
    expect(await person(s.trainer.id, s.outsider.id)).toBe(200);
    expect(await person(s.hr.id, s.member.id)).toBe(200);
    expect(await person(s.admin.id, s.member.id)).toBe(403);
    expect(await person(s.hr.id, 2_000_000_000)).toBe(404);
  });

  it("heatmap: a lead their own team only, trainers and HR any, trainees never", async () => {
    const s = await setup();
    expect(await heat(s.lead.id, s.team.id)).toBe(200);
    expect(await heat(s.lead.id, s.other.id)).toBe(403);
    expect(await heat(s.trainer.id, s.other.id)).toBe(200);
    expect(await heat(s.hr.id, s.team.id)).toBe(200);
    expect(await heat(s.member.id, s.team.id)).toBe(403);
    expect(await heat(s.admin.id, s.team.id)).toBe(403);
  });
});

async function result(userId: number, exam: string, score: number, figures: object, createdAt: Date, valid = true) {
  return db.examResult.create({
    data: { userId, exam, passed: true, valid, score, figures: JSON.stringify(figures), createdAt },
    select: { id: true },
  });
}

describe("evidence and levels", () => {
  it("takes the latest drill score per indicator, the latest valid exam, and skips abandoned and invalid results", async () => {
    const me = await createTestUser({ grade: "senior" });
    const model = await competencyModel();
    await result(me.id, "drill", 3, { scores: { communication: 2, teamwork: 4 } }, new Date("2026-11-01T02:00:00Z"));
    await result(me.id, "drill", 3, { scores: { communication: 3 } }, new Date("2026-11-10T02:00:00Z"));
    await result(me.id, "typing:zh", 85, {}, new Date("2026-11-02T02:00:00Z"));
    await result(me.id, "typing:zh", 0, { abandoned: true }, new Date("2026-11-12T02:00:00Z"));
    await result(me.id, "typing:zh", 30, {}, new Date("2026-11-13T02:00:00Z"), false);
    await submitSelfAssessment(me.id, all(5), new Date("2026-11-15T02:00:00Z"));
    const e = (await evidenceFor(model, [me.id])).get(me.id)!;
    expect(e.communication?.drill).toEqual({ level: 3, at: "2026-11-10T02:00:00.000Z" });
    expect(e.teamwork?.drill?.level).toBe(4);
    expect(e["it-application"]?.exam).toMatchObject({ level: 4, exam: "typing:zh" });
    expect(e["reflective-practice"]).toEqual({ self: { level: 5, at: "2026-11-15T02:00:00.000Z" } });

    const page = await loadProfile(me.id);
    const row = (id: string) => page.profile.rows.find((r) => r.id === id)!;
    expect(row("communication")).toMatchObject({ level: 3, source: "drill", target: 4, weightedGap: 11.55 });
    expect(row("it-application")).toMatchObject({ level: 4, source: "exam", weightedGap: 0 });
  });

  it("recommends library courses for the top gap that the person has not completed", async () => {
    const me = await createTestUser({ grade: "senior" });
    await result(me.id, "drill", 2, { scores: { communication: 2 } }, new Date());
    const mk = async (slug: string, status: string) => {
      const c = await db.course.create({
        data: {
          slug,
          titleZh: slug,
          titleEn: slug,
          area: "customer-service",
          status,
          competencies: '["communication"]',
        },
        select: { id: true },
      });
      const v = await db.courseVersion.create({
        data: { courseId: c.id, version: 1, contentHash: "h", frontMatter: "{}", body: "b" },
        select: { id: true },
      });
      // An accepted course is in the library: HR entered its version (decision 035).
      const liveVersionId = status === "accepted" ? v.id : null;
      await db.course.update({ where: { id: c.id }, data: { currentVersionId: v.id, liveVersionId } });
      return { id: c.id, versionId: v.id };
    };
    const tag = Math.random().toString(36).slice(2, 8);
    await mk(`talk-${tag}`, "accepted");
    await mk(`draft-${tag}`, "draft");
    const done = await mk(`done-${tag}`, "accepted");
    await db.courseProgress.create({
      data: { userId: me.id, courseId: done.id, courseVersionId: done.versionId, completedAt: new Date() },
    });
    const page = await loadProfile(me.id);
    const slugs = page.recommendations.map((r) => r.course.slug);
    expect(slugs).toContain(`talk-${tag}`);
    expect(slugs).not.toContain(`draft-${tag}`);
    expect(slugs).not.toContain(`done-${tag}`);
    expect(page.recommendations.find((r) => r.course.slug === `talk-${tag}`)).toMatchObject({
      indicator: "communication",
      level: 2,
      target: 4,
      weight: 11.55,
    });
  });

  it("builds a team heatmap with the team's two largest needs, no evidence shown as none", async () => {
    const team = await createTestTeam();
    const a = await createTestUser({ teamId: team.id, name: "Able" });
    const b = await createTestUser({ teamId: team.id, name: "Baker" });
    await result(a.id, "drill", 1, { scores: { communication: 1, teamwork: 1 } }, new Date());
    await result(b.id, "drill", 1, { scores: { communication: 1 } }, new Date());
    const h = await loadTeamHeatmap(team.id);
    expect(h.members.map((m) => m.name)).toEqual(["Able", "Baker"]);
    expect(h.needs).toEqual([
      { id: "communication", sum: 23.1 },
      { id: "teamwork", sum: 7.11 },
    ]);
    const cell = (m: number, id: string) => h.members[m]!.cells.find((c) => c.id === id)!;
    expect(cell(1, "teamwork").level).toBeNull();
    expect(cell(0, "communication").level).toBe(1);
  });
});
