import { describe, expect, it } from "vitest";
import { createAssignment, listAssignments, withdrawAssignment, assignmentsOf } from "~/assignments/assignments.server";
import { runReminderPass } from "~/assignments/reminders.server";
import { addLocalDays, addLocalMonths, localDay, parseLocal } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";
import { action as assignAction } from "~/routes/assignments._index";
import { makeRequest } from "../../fixtures/users";
import { bodyOf, statusOf } from "../workflow/helpers";
import { completeLesson, deliveredClass, world } from "./helpers";

// Noon in Shanghai on 1 December 2026: a fixed clock, moved by passing `now`.
const NOW = parseLocal("2026-12-01", "12:00")!;
const TODAY = localDay(NOW);
const at = (day: string, time = "12:00") => parseLocal(day, time)!;

async function refusal(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("making an assignment", () => {
  it("refuses a due date in the past, a course outside the library and another team, storing nothing", async () => {
    const w = await world();
    const before = await db.assignment.count();
    const past = await refusal(() =>
      createAssignment(
        w.actors.hr,
        {
          target: { kind: "course", id: w.c1.id },
          userIds: [],
          teamIds: [w.team.id],
          dueDay: addLocalDays(TODAY, -1),
          refreshMonths: null,
        },
        NOW,
      ),
    );
    expect(past.status).toBe(400);
    expect(past.fieldErrors).toEqual({ dueDay: "assignments:err.pastDue" });
    const draft = await refusal(() =>
      createAssignment(
        w.actors.hr,
        {
          target: { kind: "course", id: w.draft.id },
          userIds: [],
          teamIds: [w.team.id],
          dueDay: TODAY,
          refreshMonths: null,
        },
        NOW,
      ),
    );
    expect(draft.fieldErrors).toEqual({ target: "assignments:err.notInLibrary" });
    const otherTeam = await refusal(() =>
      createAssignment(
        w.actors.lead,
        {
          target: { kind: "course", id: w.c1.id },
          userIds: [],
          teamIds: [w.other.id],
          dueDay: TODAY,
          refreshMonths: null,
        },
        NOW,
      ),
    );
    expect(otherTeam.status).toBe(403);
    const otherPerson = await refusal(() =>
      createAssignment(
        w.actors.lead,
        {
          target: { kind: "course", id: w.c1.id },
          userIds: [w.stranger.id],
          teamIds: [],
          dueDay: TODAY,
          refreshMonths: null,
        },
        NOW,
      ),
    );
    expect(otherPerson.status).toBe(403);
    const trainer = await refusal(() =>
      createAssignment(
        w.actors.trainer,
        {
          target: { kind: "course", id: w.c1.id },
          userIds: [w.agents[0].id],
          teamIds: [],
          dueDay: TODAY,
          refreshMonths: null,
        },
        NOW,
      ),
    );
    expect(trainer.status).toBe(403);
    expect(await db.assignment.count()).toBe(before);
  });

  it("answers a past due date on the form with 400 and the message", async () => {
    const w = await world();
    const request = await makeRequest("/assignments", {
      userId: w.lead.id,
      form: { target: `course:${w.c1.id}`, teams: [String(w.team.id)], dueDay: "2020-01-01", refresh: "" },
    });
    const res = await assignAction({ request, params: {}, context: {} });
    expect(statusOf(res)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string> }>(res).errors.dueDay).toBe("assignments:err.pastDue");
  });

  it("lets a lead assign to their team (audited) and withdraw it; not HR's assignments", async () => {
    const w = await world();
    const made = await createAssignment(
      w.actors.lead,
      {
        target: { kind: "course", id: w.c1.id },
        userIds: [],
        teamIds: [w.team.id],
        dueDay: TODAY,
        refreshMonths: null,
      },
      NOW,
    );
    expect(made.people).toBe(4);
    const byHr = await createAssignment(
      w.actors.hr,
      {
        target: { kind: "course", id: w.c2.id },
        userIds: [w.agents[0].id],
        teamIds: [],
        dueDay: TODAY,
        refreshMonths: null,
      },
      NOW,
    );
    expect((await refusal(() => withdrawAssignment(w.actors.lead, byHr.id))).status).toBe(403);
    await withdrawAssignment(w.actors.lead, made.id);
    const audit = await db.auditLog.findMany({
      where: { objectKind: "assignment", objectId: made.id },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["assignment.create", "assignment.withdraw"]);
    expect(await assignmentsOf(w.agents[1].id, NOW)).toEqual([]);
  });
});

describe("completion", () => {
  it("counts a passed lesson and attendance (present or late) at a delivered class, not absence", async () => {
    const w = await world();
    const a = await createAssignment(
      w.actors.lead,
      {
        target: { kind: "course", id: w.c1.id },
        userIds: [],
        teamIds: [w.team.id],
        dueDay: addLocalDays(TODAY, 7),
        refreshMonths: null,
      },
      NOW,
    );
    const [A, B, C] = w.agents;
    await completeLesson(A.id, w.c1, at(TODAY, "09:00"));
    await deliveredClass(w.trainer.id, w.c1.id, at(TODAY, "08:00"), [
      { userId: B.id, attendance: "late" },
      { userId: C.id, attendance: "absent" },
    ]);
    const list = await listAssignments(w.actors.lead, 1, NOW);
    const row = list.rows.find((r) => r.id === a.id)!;
    expect({ done: row.done, members: row.members, overdue: row.overdue }).toEqual({ done: 2, members: 4, overdue: 0 });
    const later = await listAssignments(w.actors.lead, 1, at(addLocalDays(TODAY, 8)));
    expect(later.rows.find((r) => r.id === a.id)!.overdue).toBe(2);
  });

  it("completes a series only when every module is done", async () => {
    const w = await world();
    const [A] = w.agents;
    await createAssignment(
      w.actors.hr,
      { target: { kind: "series", id: w.series.id }, userIds: [A.id], teamIds: [], dueDay: TODAY, refreshMonths: null },
      NOW,
    );
    await completeLesson(A.id, w.c1, at(TODAY, "08:00"));
    expect((await assignmentsOf(A.id, NOW))[0]!.state).toBe("progress");
    await deliveredClass(w.trainer.id, w.c2.id, at(TODAY, "09:00"), [{ userId: A.id, attendance: "present" }]);
    expect((await assignmentsOf(A.id, NOW))[0]!.state).toBe("done");
  });

  it("with a refresh interval, a completion holds that many months and the course then falls due again", async () => {
    const w = await world();
    const [A, B] = w.agents;
    await createAssignment(
      w.actors.hr,
      {
        target: { kind: "course", id: w.c1.id },
        userIds: [A.id, B.id],
        teamIds: [],
        dueDay: addLocalDays(TODAY, 7),
        refreshMonths: 12,
      },
      NOW,
    );
    await completeLesson(A.id, w.c1, at(addLocalMonths(TODAY, -1)));
    await completeLesson(B.id, w.c1, at(addLocalMonths(TODAY, -13)));
    const a = (await assignmentsOf(A.id, NOW))[0]!;
    expect(a).toMatchObject({ state: "done", dueDay: addLocalMonths(addLocalMonths(TODAY, -1), 12) });
    expect((await assignmentsOf(B.id, NOW))[0]!).toMatchObject({ state: "progress", dueDay: addLocalDays(TODAY, 7) });
    // Eleven months on, A's completion lapses: due again on the day it lapses, overdue after it.
    const lapse = addLocalMonths(TODAY, 11);
    expect((await assignmentsOf(A.id, at(addLocalDays(lapse, -1))))[0]!.state).toBe("done");
    expect((await assignmentsOf(A.id, at(lapse)))[0]!).toMatchObject({ state: "progress", dueDay: lapse });
    expect((await assignmentsOf(A.id, at(addLocalDays(lapse, 1))))[0]!.state).toBe("overdue");
  });
});

describe("reminders", () => {
  it("sends 'due soon' three days before and 'overdue' after the due day, each once", async () => {
    const w = await world();
    const [A, B] = w.agents;
    const due = addLocalDays(TODAY, 5);
    const a = await createAssignment(
      w.actors.hr,
      { target: { kind: "course", id: w.c1.id }, userIds: [A.id, B.id], teamIds: [], dueDay: due, refreshMonths: null },
      NOW,
    );
    const notices = (userId: number) =>
      db.notification.findMany({
        where: { userId, kind: { startsWith: "assignment-" } },
        select: { kind: true, params: true },
      });
    await completeLesson(A.id, w.c1, at(TODAY, "08:00"));
    await runReminderPass(NOW);
    expect(await notices(B.id)).toEqual([]);
    await runReminderPass(at(addLocalDays(due, -3), "08:00"));
    await runReminderPass(at(addLocalDays(due, -2), "08:00"));
    await runReminderPass(at(due, "23:00"));
    expect((await notices(B.id)).map((n) => n.kind)).toEqual(["assignment-due-soon"]);
    await Promise.all([runReminderPass(at(addLocalDays(due, 1))), runReminderPass(at(addLocalDays(due, 1)))]);
    await runReminderPass(at(addLocalDays(due, 9)));
    const sent = await notices(B.id);
    expect(sent.map((n) => n.kind)).toEqual(["assignment-due-soon", "assignment-overdue"]);
    expect(JSON.parse(sent[1]!.params)).toEqual({ id: a.id, day: due });
    expect(await notices(A.id)).toEqual([]);
    expect(await db.assignmentReminder.count({ where: { assignmentId: a.id } })).toBe(2);
  });
});
