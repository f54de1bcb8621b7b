// Recording a delivered session by hand opens its survey for the attendees.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action } from "~/routes/surveys.sessions.new";
import { pendingSurveysFor } from "~/surveys/respond.server";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";
import { createCourse } from "./helpers";

async function post(userId: number, form: Record<string, string | string[]>) {
  const request = await makeRequest("/surveys/sessions/new", { userId, form });
  return settle(() => action({ request, params: {}, context: {} }));
}
const statusOf = (v: unknown) =>
  v instanceof Response ? v.status : ((v as { init?: { status?: number } }).init?.status ?? 200);

describe("recording a delivered session", () => {
  it("lets a trainer record their own session and sends the survey to the attendees", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const other = await createTestUser({ roles: ["TRAINER"] });
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const course = await createCourse();
    const r = await post(trainer.id, {
      courseId: String(course.id),
      kind: "micro",
      startsAt: "2026-01-05T09:00",
      trainerId: String(other.id),
      attendees: [String(a.id), String(b.id)],
    });
    expect(statusOf(r.value)).toBe(302);
    const session = await db.trainingSession.findFirstOrThrow({
      where: { courseId: course.id },
      select: {
        trainerId: true,
        status: true,
        survey: { select: { id: true, _count: { select: { invites: true } } } },
      },
    });
    expect(session.trainerId).toBe(trainer.id);
    expect(session.status).toBe("delivered");
    expect(session.survey?._count.invites).toBe(2);
    expect((await pendingSurveysFor(a.id)).map((s) => s.id)).toEqual([session.survey!.id]);
  });

  it("refuses a session without course or title, without attendees, or with a bad date", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const a = await createTestUser();
    const before = await db.trainingSession.count();
    const base = {
      kind: "other",
      startsAt: "2026-01-05T09:00",
      trainerId: String(trainer.id),
      attendees: [String(a.id)],
      title: "Briefing",
    };
    const cases: [Record<string, string | string[]>, string][] = [
      [{ ...base, title: "" }, "courseId"],
      [{ ...base, attendees: [] }, "attendees"],
      [{ ...base, startsAt: "tomorrow" }, "startsAt"],
      [{ ...base, trainerId: String(a.id) }, "trainerId"],
    ];
    for (const [form, field] of cases) {
      const r = await post(hr.id, form);
      expect(statusOf(r.value), field).toBe(400);
      expect(Object.keys((r.value as { data: { errors: object } }).data.errors)).toContain(field);
    }
    expect(await db.trainingSession.count()).toBe(before);
    expect(statusOf((await post(hr.id, base)).value)).toBe(302);
  });
});
