// Course-specific questions from content/surveys/, and the session summary shown in the archive.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action, loader } from "~/routes/surveys.$id";
import { submitResponse } from "~/surveys/respond.server";
import { surveySummaryForSession } from "~/surveys/summary.server";
import { at } from "../../fixtures/lists";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";
import { deliveredSession, goodAnswers } from "./helpers";

const statusOf = (v: unknown) =>
  v instanceof Response ? v.status : ((v as { init?: { status?: number } }).init?.status ?? 200);

describe("course-specific questions", () => {
  it("are read from content/surveys/<slug>.yml, frozen into the survey and required unless optional", async () => {
    const course = await db.course.upsert({
      where: { slug: "mot-service-skills" },
      create: {
        slug: "mot-service-skills",
        titleZh: "MOT服务技巧",
        titleEn: "MOT Service Skills",
        area: "customer-service",
      },
      update: {},
      select: { id: true },
    });
    const u = await createTestUser();
    const s = await deliveredSession({ courseId: course.id, attendees: [{ userId: u.id }] });
    const survey = await db.survey.findUniqueOrThrow({ where: { id: s.surveyId }, select: { questions: true } });
    expect(JSON.parse(survey.questions).map((q: { key: string; required: boolean }) => [q.key, q.required])).toEqual([
      ["moment-map", true],
      ["phrases", false],
    ]);
    const page = (await loader({
      request: await makeRequest(`/surveys/${s.surveyId}`, { userId: u.id }),
      params: { id: String(s.surveyId) },
      context: {},
    })) as { extra: { en: string }[] };
    expect(page.extra[0]?.en).toBe("I can map the moments of truth in a phone call");

    const post = async (form: Record<string, string>) =>
      settle(async () =>
        action({
          request: await makeRequest(`/surveys/${s.surveyId}`, { userId: u.id, form }),
          params: { id: String(s.surveyId) },
          context: {},
        }),
      );
    const missing = await post({ ...goodAnswers, mode: "new" });
    expect(statusOf(missing.value)).toBe(400);
    expect((missing.value as { data: { errors: Record<string, string> } }).data.errors["x_moment-map"]).toBe(
      "surveys:err.required",
    );
    const ok = await post({ ...goodAnswers, "x_moment-map": "4", mode: "new" });
    expect(statusOf(ok.value)).toBe(302);
    const stored = await db.surveyResponse.findFirstOrThrow({
      where: { surveyId: s.surveyId },
      select: { extra: true },
    });
    expect(JSON.parse(stored.extra)).toEqual({ "moment-map": 4 });
  });
});

describe("session summary", () => {
  const answer = (overall: number, recommend: number) => ({
    overall,
    relevance: 4,
    helpful: overall,
    delivery: 4,
    pace: 4,
    recommend,
    comment: "",
    extra: {},
  });

  it("gives a session's figures and says whether its survey has closed", async () => {
    const people = await Promise.all([1, 2, 3, 4].map(() => createTestUser()));
    const opened = new Date("2025-03-03T02:00:00.000Z");
    const s = await deliveredSession({
      startsAt: new Date("2025-03-03T00:30:00.000Z"),
      now: opened,
      attendees: people.map((p) => ({ userId: p.id })),
    });
    expect(await submitResponse(s.surveyId, at(people, 0).id, answer(5, 10), "new", opened)).toBe("created");
    expect(await submitResponse(s.surveyId, at(people, 1).id, answer(3, 6), "new", opened)).toBe("created");
    const during = await surveySummaryForSession(s.sessionId, new Date("2025-03-05T00:00:00Z"));
    expect(during).toMatchObject({
      closed: false,
      responses: 2,
      invited: 4,
      responseRate: 0.5,
      satisfactionRate: 0.5,
      meanScore: 4,
      index: 80,
      helpfulRate: 0.5,
      nps: 0,
      suppressed: false,
    });
    const after = await surveySummaryForSession(s.sessionId, new Date("2025-03-20T00:00:00Z"));
    expect(after?.closed).toBe(true);
    expect(await surveySummaryForSession(987654)).toBeNull();
  });

  it("gives only counts for an anonymous session with fewer than three responses", async () => {
    const people = await Promise.all([1, 2, 3].map(() => createTestUser()));
    const s = await deliveredSession({ anonymous: true, attendees: people.map((p) => ({ userId: p.id })) });
    await submitResponse(s.surveyId, at(people, 0).id, answer(1, 0), "new");
    await submitResponse(s.surveyId, at(people, 1).id, answer(5, 10), "new");
    expect(await surveySummaryForSession(s.sessionId)).toMatchObject({
      anonymous: true,
      suppressed: true,
      responses: 2,
      invited: 3,
      satisfactionRate: null,
      meanScore: null,
      nps: null,
    });
    await submitResponse(s.surveyId, at(people, 2).id, answer(5, 10), "new");
    expect(await surveySummaryForSession(s.sessionId)).toMatchObject({
      suppressed: false,
      responses: 3,
      satisfactionRate: 2 / 3,
    });
  });
});

describe("questions in a lesson's front matter", () => {
  it("are read from the lesson file when content/surveys has none", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = (await import("node:path")).default;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "weike-sq-")), "01-x.md");
    writeFileSync(
      file,
      "---\nslug: fm-course\nsurveyQuestions:\n  - key: roleplay\n    zh: 角色扮演有帮助\n    en: The role-play helped\n---\n## Body\n",
    );
    const course = await db.course.create({
      data: { slug: `fm-course-${Date.now()}`, titleZh: "x", titleEn: "x", area: "business", sourcePath: file },
      select: { id: true },
    });
    const u = await createTestUser();
    const s = await deliveredSession({ courseId: course.id, attendees: [{ userId: u.id }] });
    const survey = await db.survey.findUniqueOrThrow({ where: { id: s.surveyId }, select: { questions: true } });
    expect(JSON.parse(survey.questions)).toEqual([
      { key: "roleplay", zh: "角色扮演有帮助", en: "The role-play helped", required: true },
    ]);
  });
});
