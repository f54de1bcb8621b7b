// The dashboard loader's figures against a count done by hand, and who sees what.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { loader } from "~/routes/dashboard";
import { submitResponse } from "~/surveys/respond.server";
import { at } from "../../fixtures/lists";
import { createTestTeam, createTestUser, makeRequest } from "../../fixtures/users";
import { createCourse, deliveredSession } from "./helpers";

type Answers = { overall: number; helpful: number; recommend: number; comment?: string };
const held = new Date("2024-03-05T01:00:00.000Z");
const openedAt = new Date("2024-03-05T03:00:00.000Z");
const answeredAt = new Date("2024-03-06T03:00:00.000Z");

async function answer(surveyId: number, userId: number, a: Answers) {
  const r = await submitResponse(
    surveyId,
    userId,
    { relevance: 4, delivery: 4, pace: 4, comment: "", extra: {}, ...a },
    "new",
    answeredAt,
  );
  expect(r).toBe("created");
}

let t1: { id: number };
let t2: { id: number };
let hr: { id: number };
let s1: Awaited<ReturnType<typeof deliveredSession>>;
let s3: Awaited<ReturnType<typeof deliveredSession>>;
let teamA: { id: number };

beforeAll(async () => {
  teamA = await createTestTeam();
  const teamB = await createTestTeam();
  [t1, t2, hr] = await Promise.all([
    createTestUser({ roles: ["TRAINER"] }),
    createTestUser({ roles: ["TRAINER"] }),
    createTestUser({ roles: ["HR"] }),
  ]);
  const people = await Promise.all(
    Array.from({ length: 9 }, (_, i) => createTestUser({ teamId: i < 5 ? teamA.id : teamB.id })),
  );
  const course = await createCourse();
  // S1: micro, 4 present + 1 absent, 3 answers.
  s1 = await deliveredSession({
    trainerId: t1.id,
    courseId: course.id,
    startsAt: held,
    now: openedAt,
    attendees: [
      ...people.slice(0, 4).map((p) => ({ userId: p.id })),
      { userId: at(people, 4).id, attendance: "absent" },
    ],
  });
  await answer(s1.surveyId, at(people, 0).id, { overall: 5, helpful: 5, recommend: 10, comment: "<b>讲得好</b>" });
  await answer(s1.surveyId, at(people, 1).id, { overall: 4, helpful: 5, recommend: 9 });
  await answer(s1.surveyId, at(people, 2).id, { overall: 3, helpful: 2, recommend: 5 });
  // S2: other internal training by another trainer, 2 answers.
  const s2 = await deliveredSession({
    trainerId: t2.id,
    kind: "other",
    startsAt: held,
    now: openedAt,
    attendees: people.slice(5, 7).map((p) => ({ userId: p.id })),
  });
  await answer(s2.surveyId, at(people, 5).id, { overall: 4, helpful: 4, recommend: 8 });
  await answer(s2.surveyId, at(people, 6).id, { overall: 2, helpful: 4, recommend: 6 });
  // S3: anonymous micro session of T1 with only 2 answers.
  s3 = await deliveredSession({
    trainerId: t1.id,
    courseId: course.id,
    anonymous: true,
    startsAt: held,
    now: openedAt,
    attendees: people.slice(7, 9).map((p) => ({ userId: p.id })),
  });
  await answer(s3.surveyId, at(people, 7).id, { overall: 1, helpful: 1, recommend: 0, comment: "secret complaint" });
  await answer(s3.surveyId, at(people, 8).id, { overall: 5, helpful: 5, recommend: 10 });
});

async function view(userId: number, query: string) {
  const request = await makeRequest(`/dashboard?from=2024-03-01&to=2024-03-31${query}`, { userId });
  return loader({ request, params: {}, context: {} });
}

describe("dashboard figures", () => {
  it("match a hand count for HR (all training)", async () => {
    const d = await view(hr.id, "");
    // Everyone who answered counts as a response; the two answers of anonymous S3 (one team,
    // fewer than three) are left out of every figure, so no total minus its parts reveals them.
    expect(d.kpis.responses).toBe(7);
    expect(d.kpis.invited).toBe(8);
    expect(d.kpis.responseRate).toBeCloseTo(7 / 8);
    expect(d.kpis).toMatchObject({ answered: 5, withheld: 2, suppressed: false });
    // overall answers counted: 5,4,3 | 4,2 → 3 of 5 are 4 or 5.
    expect(d.kpis.satisfactionRate).toBeCloseTo(3 / 5);
    expect(d.kpis.meanScore).toBeCloseTo(18 / 5);
    expect(d.kpis.index).toBeCloseTo((18 / 5 / 5) * 100);
    // helpful: 5,5,2 | 4,4 → 4 of 5.
    expect(d.kpis.helpfulRate).toBeCloseTo(4 / 5);
    // recommend: 10,9,5 | 8,6 → promoters 2, detractors 2 → 0.
    expect(d.kpis.nps).toBeCloseTo(0);
    // Micro-courses only: S1 (+ S3 withheld) → overall 5,4,3 → 2 of 3.
    expect(d.compare.micro.satisfactionRate).toBeCloseTo(2 / 3);
    expect(d.compare.micro.responses).toBe(5);
    expect(d.compare.micro.answered).toBe(3);
    expect(d.compare.all.satisfactionRate).toBeCloseTo(3 / 5);
    expect(d.trend.find((p) => p.month === "2024-03")?.all?.responses).toBe(7);
    // overall 5,4,3,4,2 → one 2, one 3, two 4s, one 5.
    expect(d.distribution.find((q) => q.item === "overall")?.counts).toEqual([0, 1, 1, 2, 1]);
  });

  it("give a session its own figures, and hide an anonymous session below three responses", async () => {
    const d = await view(hr.id, "");
    const one = d.sessions.find((s) => s.surveyId === s1.surveyId)!;
    expect(one).toMatchObject({ responses: 3, invited: 4, suppressed: false });
    expect(one.satisfactionRate).toBeCloseTo(2 / 3);
    expect(one.meanScore).toBeCloseTo(4);
    expect(one.index).toBeCloseTo(80);
    expect(one.helpfulRate).toBeCloseTo(2 / 3);
    expect(one.nps).toBeCloseTo(((2 - 1) / 3) * 100);
    const anon = d.sessions.find((s) => s.surveyId === s3.surveyId)!;
    expect(anon.suppressed).toBe(true);
    expect(anon.satisfactionRate).toBeNull();
    expect(anon.nps).toBeNull();
  });

  it("show comments as stored text, never those of an anonymous session with fewer than 3 answers", async () => {
    const d = await view(hr.id, "");
    const texts = d.comments.map((c) => c.comment);
    expect(texts).toContain("<b>讲得好</b>");
    expect(texts).not.toContain("secret complaint");
    expect(JSON.stringify(d.comments)).not.toMatch(/Test User/);
  });

  it("limit a trainer to their own sessions, whatever the URL asks", async () => {
    const d = await view(t1.id, `&trainer=${t2.id}`);
    expect(d.kpis.responses).toBe(5);
    expect(d.sessions.map((s) => s.surveyId).sort()).toEqual([s1.surveyId, s3.surveyId].sort());
    expect(d.trainers.map((r) => r.id)).toEqual([t1.id]);
    expect(d.options.trainers).toEqual([]);
  });

  it("filter by team and suppress a group that holds fewer than 3 anonymous answers", async () => {
    const d = await view(hr.id, `&team=${teamA.id}`);
    // Team A: people 0–4 → S1's three answers only.
    expect(d.kpis.responses).toBe(3);
    expect(d.kpis.satisfactionRate).toBeCloseTo(2 / 3);
    const trainerOnly = await view(hr.id, `&trainer=${t1.id}`);
    expect(trainerOnly.kpis.suppressed).toBe(false);
    expect(trainerOnly.kpis.responses).toBe(5);
  });

  it("correct a reversed or overlong date range and say so", async () => {
    const reversed = await loader({
      request: await makeRequest("/dashboard?from=2024-03-31&to=2024-03-01", { userId: hr.id }),
      params: {},
      context: {},
    });
    expect(reversed.range).toEqual({ from: "2024-03-01", to: "2024-03-31", notice: "rangeSwapped" });
    expect(reversed.kpis.responses).toBe(7);
    const long = await loader({
      request: await makeRequest("/dashboard?from=2004-01-01&to=2024-03-31", { userId: hr.id }),
      params: {},
      context: {},
    });
    expect(long.range).toEqual({ from: "2019-03-31", to: "2024-03-31", notice: "rangeClamped" });
    expect(long.trend.length).toBeLessThanOrEqual(61);
    const junk = await loader({
      request: await makeRequest("/dashboard?from=yesterday&team=abc&area=<x>", { userId: hr.id }),
      params: {},
      context: {},
    });
    expect(junk.range.notice).toBe("rangeInvalid");
  });

  it("narrow to one session with all its comments, within the viewer's scope", async () => {
    const d = await view(hr.id, `&session=${s1.sessionId}`);
    expect(d.kpis.responses).toBe(3);
    expect(d.kpis.satisfactionRate).toBeCloseTo(2 / 3);
    expect(d.sessions.map((s) => s.sessionId)).toEqual([s1.sessionId]);
    expect(d.comments.map((c) => c.comment)).toEqual(["<b>讲得好</b>"]);
    expect(d.search).toContain(`session=${s1.sessionId}`);
    const other = await view(t2.id, `&session=${s1.sessionId}`);
    expect(other.kpis.responses).toBe(0);
    expect(other.comments).toEqual([]);
  });

  it("counts each answer once in the database", async () => {
    expect(await db.surveyResponse.count({ where: { surveyId: { in: [s1.surveyId, s3.surveyId] } } })).toBe(5);
  });
});

describe("CSV exports", () => {
  async function csv(path: string, userId: number, lang = "en") {
    const { loader: load } = path.startsWith("/dashboard/figures")
      ? await import("~/routes/dashboard.figures[.]csv")
      : await import("~/routes/dashboard.responses[.]csv");
    const request = await makeRequest(path, { userId, headers: { "Accept-Language": lang } });
    const res = (await load({ request, params: {}, context: {} })) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return new TextDecoder().decode(bytes.slice(3));
  }

  it("exports the figures with the same numbers as the page", async () => {
    const text = await csv("/dashboard/figures.csv?from=2024-03-01&to=2024-03-31", hr.id);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^Group,Name,Responses,Invited/);
    // Total: 7 responses of 8 asked, 87.5% response rate; the 5 answers counted (S3's two are
    // withheld) give 60.0% satisfied (3 of 5).
    expect(lines[1]).toBe("Total,All training,7,8,87.5,60.0,3.60,72.0,80.0,0.0,0,5");
    expect(lines[2]).toBe("Kind,Micro-courses,5,6,83.3,66.7,4.00,80.0,66.7,33.3,0,3");
    const anon = lines.find((l) => l.startsWith(`Session,#${s3.sessionId} `))!;
    expect(anon).toMatch(/,2,2,100\.0,,,,,,1,0$/);
  });

  it("exports raw responses without anonymous sessions under three answers", async () => {
    const text = await csv("/dashboard/responses.csv?from=2024-03-01&to=2024-03-31", hr.id, "zh");
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 5);
    expect(lines[0]?.startsWith("场次,日期,课程")).toBe(true);
    expect(text).not.toContain("secret complaint");
    expect(text).toContain("<b>讲得好</b>");
  });

  it("gives a trainer only their own sessions' responses", async () => {
    const text = await csv("/dashboard/responses.csv?from=2024-03-01&to=2024-03-31", t2.id);
    expect(text.trim().split("\r\n")).toHaveLength(1 + 2);
  });
});

describe("anonymous responses in the raw export", () => {
  it("carry no name, team or time once the session has three answers", async () => {
    const team = await createTestTeam("Anon Team X");
    const people = await Promise.all(
      [1, 2, 3].map((i) => createTestUser({ teamId: team.id, name: `Anon Person ${i}` })),
    );
    const when = new Date("2023-06-10T02:00:00.000Z");
    const s = await deliveredSession({
      trainerId: t1.id,
      anonymous: true,
      startsAt: when,
      now: new Date("2023-06-10T04:00:00.000Z"),
      attendees: people.map((p) => ({ userId: p.id })),
    });
    for (const p of people)
      expect(
        await submitResponse(
          s.surveyId,
          p.id,
          { overall: 4, relevance: 4, helpful: 4, delivery: 4, pace: 4, recommend: 9, comment: "ok", extra: {} },
          "new",
          new Date("2023-06-11T00:00:00.000Z"),
        ),
      ).toBe("created");
    const request = await makeRequest("/dashboard/responses.csv?from=2023-06-01&to=2023-06-30", {
      userId: hr.id,
      headers: { "Accept-Language": "en" },
    });
    const { loader: load } = await import("~/routes/dashboard.responses[.]csv");
    const text = await ((await load({ request, params: {}, context: {} })) as Response).text();
    const rows = text.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/,1,,,,4,4,4,4,4,9,ok$/);
    expect(text).not.toMatch(/Anon Person|Anon Team X|2023-06-11/);
    const d = await loader({
      request: await makeRequest(`/dashboard?from=2023-06-01&to=2023-06-30&team=${team.id}`, { userId: hr.id }),
      params: {},
      context: {},
    });
    expect(d.kpis).toMatchObject({ responses: 3, suppressed: false, satisfactionRate: 1 });
  });
});

describe("date boundaries", () => {
  it("include a session held exactly at midnight of the first day and exclude one at midnight after the last", async () => {
    const hrUser = await createTestUser({ roles: ["HR"] });
    const a = await createTestUser();
    const b = await createTestUser();
    const first = await deliveredSession({
      // 2022-05-01 00:00 in Asia/Shanghai.
      startsAt: new Date("2022-04-30T16:00:00.000Z"),
      now: new Date("2022-04-30T18:00:00.000Z"),
      attendees: [{ userId: a.id }],
    });
    const after = await deliveredSession({
      startsAt: new Date("2022-05-31T16:00:00.000Z"),
      now: new Date("2022-05-31T18:00:00.000Z"),
      attendees: [{ userId: b.id }],
    });
    await submitResponse(
      first.surveyId,
      a.id,
      { overall: 5, relevance: 5, helpful: 5, delivery: 5, pace: 5, recommend: 10, comment: "", extra: {} },
      "new",
      new Date("2022-05-02T00:00:00Z"),
    );
    await submitResponse(
      after.surveyId,
      b.id,
      { overall: 1, relevance: 1, helpful: 1, delivery: 1, pace: 1, recommend: 0, comment: "", extra: {} },
      "new",
      new Date("2022-06-02T00:00:00Z"),
    );
    const d = await loader({
      request: await makeRequest("/dashboard?from=2022-05-01&to=2022-05-31", { userId: hrUser.id }),
      params: {},
      context: {},
    });
    expect(d.kpis.responses).toBe(1);
    expect(d.kpis.satisfactionRate).toBe(1);
  });
});

describe("series", () => {
  it("get their own line in the figures export and filter the dashboard", async () => {
    const series = await db.series.create({
      data: { slug: `survey-series-${Date.now()}`, titleZh: "测试系列", titleEn: "Test series" },
      select: { id: true },
    });
    const course = await createCourse({ seriesId: series.id });
    const people = await Promise.all([1, 2].map(() => createTestUser()));
    const s = await deliveredSession({
      courseId: course.id,
      startsAt: new Date("2021-09-09T01:00:00.000Z"),
      now: new Date("2021-09-09T03:00:00.000Z"),
      attendees: people.map((p) => ({ userId: p.id })),
    });
    await submitResponse(
      s.surveyId,
      at(people, 0).id,
      { overall: 5, relevance: 5, helpful: 5, delivery: 5, pace: 5, recommend: 10, comment: "", extra: {} },
      "new",
      new Date("2021-09-10T00:00:00Z"),
    );
    const { loader: load } = await import("~/routes/dashboard.figures[.]csv");
    const request = await makeRequest("/dashboard/figures.csv?from=2021-09-01&to=2021-09-30", {
      userId: hr.id,
      headers: { "Accept-Language": "en" },
    });
    const text = await ((await load({ request, params: {}, context: {} })) as Response).text();
    expect(text).toContain("\r\nSeries,Test series,1,2,50.0,100.0,5.00,100.0,100.0,100.0,0,1\r\n");
    const d = await loader({
      request: await makeRequest(`/dashboard?from=2021-09-01&to=2021-09-30&series=${series.id + 1000}`, {
        userId: hr.id,
      }),
      params: {},
      context: {},
    });
    expect(d.kpis.responses).toBe(0);
  });
});

describe("the sessions list", () => {
  it("pages through the sessions 20 at a time, newest first", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const a = await createTestUser();
    for (let i = 1; i <= 23; i++) {
      await deliveredSession({
        trainerId: trainer.id,
        startsAt: new Date(Date.UTC(2020, 0, i, 1)),
        now: new Date(Date.UTC(2020, 0, i, 3)),
        attendees: [{ userId: a.id }],
      });
    }
    const first = await loader({
      request: await makeRequest("/dashboard?from=2020-01-01&to=2020-01-31", { userId: trainer.id }),
      params: {},
      context: {},
    });
    expect(first.sessions).toHaveLength(20);
    expect(first.sessionPages).toEqual({ page: 1, pages: 2 });
    expect(new Date(at(first.sessions, 0).heldOn).getUTCDate()).toBe(23);
    const second = await loader({
      request: await makeRequest("/dashboard?from=2020-01-01&to=2020-01-31&page=2", { userId: trainer.id }),
      params: {},
      context: {},
    });
    expect(second.sessions.map((s) => new Date(s.heldOn).getUTCDate())).toEqual([3, 2, 1]);
    expect(second.kpis.invited).toBe(23);
  });
});
