// A trainer never answers the survey of their own session: not through the hand-recorded form,
// not through the workflow's delivery, and not through an invitation left over from before.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action } from "~/routes/surveys.sessions.new";
import { loadSurveyForUser, submitResponse } from "~/surveys/respond.server";
import { recountInvited } from "~/surveys/tally-write.server";
import { recordRoster } from "~/workflow/delivery.server";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";
import { deliveredSession } from "./helpers";

const answers = { overall: 5, relevance: 5, helpful: 5, delivery: 5, pace: 5, recommend: 10, comment: "", extra: {} };
const invitedIds = async (surveyId: number) =>
  (await db.surveyInvite.findMany({ where: { surveyId }, select: { userId: true } })).map((i) => i.userId).sort();

describe("a trainer and their own session's survey", () => {
  it("the hand-recorded form refuses the trainer as an attendee", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const a = await createTestUser();
    const before = await db.trainingSession.count();
    const request = await makeRequest("/surveys/sessions/new", {
      userId: trainer.id,
      form: {
        title: "Briefing",
        kind: "other",
        anonymous: "on",
        startsAt: "2026-01-05T09:00",
        attendees: [String(a.id), String(trainer.id)],
      },
    });
    const r = await settle(() => action({ request, params: {}, context: {} }));
    const body = (r.value as { data?: { errors?: Record<string, string> } }).data;
    expect(body?.errors?.attendees).toBeTruthy();
    expect(await db.trainingSession.count()).toBe(before);
  });

  it("the workflow's delivery leaves the trainer out of the invitations", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const startsAt = new Date(Date.now() - 3 * 3600_000);
    const session = await db.trainingSession.create({
      data: {
        title: "Floor briefing",
        kind: "other",
        anonymous: true,
        trainerId: trainer.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        status: "scheduled",
        attendees: { create: [a, b, trainer].map((p) => ({ userId: p.id, attendance: "pending" })) },
      },
      select: { id: true },
    });
    const attendance = new Map([a, b, trainer].map((p) => [p.id, "present" as const]));
    await recordRoster({ id: trainer.id, roles: ["TRAINER"], name: "Trainer" }, session.id, {
      attendance,
      notes: "",
      deliver: true,
    });
    const survey = await db.survey.findUniqueOrThrow({ where: { sessionId: session.id }, select: { id: true } });
    expect(await invitedIds(survey.id)).toEqual([a.id, b.id].sort());
    expect(await submitResponse(survey.id, trainer.id, answers, "new")).toBe("notYours");
  });

  it("an invitation to the trainer from before is not honoured", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const a = await createTestUser();
    const s = await deliveredSession({ trainerId: trainer.id, anonymous: true, attendees: [{ userId: a.id }] });
    // Written the way older data could hold it.
    await db.$transaction(async (tx) => {
      await tx.surveyInvite.create({ data: { surveyId: s.surveyId, userId: trainer.id } });
      await recountInvited(tx, s.surveyId);
    });
    expect((await loadSurveyForUser(s.surveyId, trainer.id)).status).toBe("notYours");
    expect(await submitResponse(s.surveyId, trainer.id, answers, "new")).toBe("notYours");
    expect(await db.surveyResponse.count({ where: { surveyId: s.surveyId } })).toBe(0);
    // Only the invited attendee answers.
    const outsider = await createTestUser();
    expect(await submitResponse(s.surveyId, outsider.id, answers, "new")).toBe("notYours");
    expect(await submitResponse(s.surveyId, a.id, answers, "new")).toBe("created");
  });
});
