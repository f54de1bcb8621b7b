import { describe, expect, it } from "vitest";
import { createAssignment } from "~/assignments/assignments.server";
import { coverage, coveragePeople } from "~/assignments/coverage.server";
import { addLocalDays, localDay, parseLocal } from "~/lib/clock";
import { BOM } from "~/lib/csv";
import { loader as coverageLoader } from "~/routes/coverage._index";
import { loader as csvLoader } from "~/routes/coverage[.]csv";
import { loader as readinessLoader } from "~/routes/exams.readiness";
import { loader as readinessCsvLoader } from "~/routes/exams.readiness[.csv]";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";
import { statusOf } from "../workflow/helpers";
import { completeLesson, deliveredClass, startLesson, world } from "./helpers";

const NOW = parseLocal("2026-12-01", "12:00")!;
const TODAY = localDay(NOW);

// The hand-counted fixture: a team of four (lead + A, B, C); course 1 assigned to the team, due in
// a week; A passed the lesson, B attended a class, C started the lesson, the lead did nothing.
// Course 2 is not assigned; A started it.
async function fixture() {
  const w = await world();
  const [A, B, C] = w.agents;
  await createAssignment(
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
  await completeLesson(A.id, w.c1, NOW);
  await deliveredClass(w.trainer.id, w.c1.id, NOW, [{ userId: B.id, attendance: "present" }]);
  await startLesson(C.id, w.c1);
  await startLesson(A.id, w.c2);
  return w;
}

const countsOf = (cells: Awaited<ReturnType<typeof coverage>>, courseId: number) =>
  cells.find((c) => c.courseId === courseId) && { ...cells.find((c) => c.courseId === courseId)!.counts };

describe("coverage", () => {
  it("counts completed, in progress, not started and overdue per team and course", async () => {
    const w = await fixture();
    const f = { teamIds: null, team: w.team.id, series: w.series.id };
    const now = await coverage(f, NOW);
    expect(now).toHaveLength(2);
    expect(countsOf(now, w.c1.id)).toEqual({ done: 2, progress: 1, new: 1, overdue: 0 });
    expect(countsOf(now, w.c2.id)).toEqual({ done: 0, progress: 1, new: 3, overdue: 0 });
    // Past the due day, the two who have not completed course 1 are overdue; course 2 has no due day.
    const later = await coverage(f, parseLocal(addLocalDays(TODAY, 8), "09:00")!);
    expect(countsOf(later, w.c1.id)).toEqual({ done: 2, progress: 0, new: 0, overdue: 2 });
    expect(countsOf(later, w.c2.id)).toEqual({ done: 0, progress: 1, new: 3, overdue: 0 });
    const assigned = await coverage({ ...f, assignedOnly: true }, NOW);
    expect(assigned.map((c) => c.courseId)).toEqual([w.c1.id]);
    const people = await coveragePeople(f, w.team.id, w.c1.id, NOW);
    expect(people.map((p) => [p.name, p.state])).toEqual([
      ["Agent A", "done"],
      ["Agent B", "done"],
      ["Agent C", "progress"],
      ["Lead", "new"],
    ]);
    // A date range counts only the completions inside it.
    const before = await coverage({ ...f, to: addLocalDays(TODAY, -1) }, NOW);
    expect(countsOf(before, w.c1.id)!.done).toBe(0);
  });

  it("shows a lead their own team only, HR every team, and a CSV with a BOM and the percentages", async () => {
    const w = await fixture();
    const mine = await coverageLoader({
      request: await makeRequest(`/coverage?series=${w.series.id}`, { userId: w.lead.id }),
      params: {},
      context: {},
    });
    expect(new Set(mine.cells.map((c) => c.teamId))).toEqual(new Set([w.team.id]));
    const other = await settle(async () =>
      coverageLoader({
        request: await makeRequest(`/coverage?team=${w.other.id}`, { userId: w.lead.id }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(other.value)).toBe(403);
    const trainee = await settle(async () =>
      coverageLoader({ request: await makeRequest("/coverage", { userId: w.agents[0].id }), params: {}, context: {} }),
    );
    expect(statusOf(trainee.value)).toBe(403);
    const hr = await coverageLoader({
      request: await makeRequest(`/coverage?team=${w.team.id}&series=${w.series.id}`, { userId: w.hr.id }),
      params: {},
      context: {},
    });
    expect(hr.cells).toHaveLength(2);
    const res = await csvLoader({
      request: await makeRequest(`/coverage.csv?series=${w.series.id}&assigned=1`, {
        userId: w.lead.id,
        headers: { "Accept-Language": "en" },
      }),
      params: {},
      context: {},
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",4,2,50,1,1,0,0");
  });
});

describe("readiness for leads", () => {
  it("lets a lead read their own team's readiness, not another team's; a trainee none", async () => {
    const w = await world();
    const own = await readinessLoader({
      request: await makeRequest("/exams/readiness", { userId: w.lead.id }),
      params: {},
      context: {},
    });
    expect(own.teamId).toBe(w.team.id);
    expect(own.teams.map((t) => t.id)).toEqual([w.team.id]);
    expect(own.cohort.people.map((p) => p.name).sort()).toEqual(["Agent A", "Agent B", "Agent C", "Lead"]);
    const other = await settle(async () =>
      readinessLoader({
        request: await makeRequest(`/exams/readiness?team=${w.other.id}`, { userId: w.lead.id }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(other.value)).toBe(403);
    const otherCsv = await settle(async () =>
      readinessCsvLoader({
        request: await makeRequest(`/exams/readiness.csv?team=${w.other.id}`, { userId: w.lead.id }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(otherCsv.value)).toBe(403);
    const ownCsv = await readinessCsvLoader({
      request: await makeRequest("/exams/readiness.csv", { userId: w.lead.id }),
      params: {},
      context: {},
    });
    expect(await ownCsv.text()).not.toContain("Stranger");
    const leadWithoutTeam = await createTestUser({ roles: ["LEAD"] });
    const none = await settle(async () =>
      readinessLoader({
        request: await makeRequest("/exams/readiness", { userId: leadWithoutTeam.id }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(none.value)).toBe(403);
    const trainee = await settle(async () =>
      readinessLoader({
        request: await makeRequest("/exams/readiness", { userId: w.agents[0].id }),
        params: {},
        context: {},
      }),
    );
    expect(statusOf(trainee.value)).toBe(403);
  });
});
