// The grid counts "not started" from the team sizes and visits only the person × course pairs with
// something on record; the drill-down lists every person. Both must tell the same story.
import { describe, expect, it } from "vitest";
import { createAssignment } from "~/assignments/assignments.server";
import { coverage, coveragePeople, type CoverageFilter } from "~/assignments/coverage.server";
import { addLocalDays, localDay, parseLocal } from "~/lib/clock";
import { completeLesson, deliveredClass, startLesson, world } from "./helpers";

const NOW = parseLocal("2026-12-01", "12:00")!;
const TODAY = localDay(NOW);

describe("coverage counts", () => {
  it("match the drill-down in every cell: with progress, a class only, an assignment only, and nothing", async () => {
    const w = await world();
    const [A, B, C] = w.agents;
    await createAssignment(
      w.actors.lead,
      {
        target: { kind: "series", id: w.series.id },
        userIds: [],
        teamIds: [w.team.id],
        dueDay: addLocalDays(TODAY, 3),
        refreshMonths: 12,
      },
      NOW,
    );
    // A: both a completed lesson and a class of course 1; B: a class of course 2 only, no
    // progress; C: started course 2; the lead: nothing but the assignment; the stranger (another
    // team): a completed course 1 long ago.
    await completeLesson(A.id, w.c1, NOW);
    await deliveredClass(w.trainer.id, w.c1.id, NOW, [{ userId: A.id, attendance: "present" }]);
    await deliveredClass(w.trainer.id, w.c2.id, NOW, [{ userId: B.id, attendance: "late" }]);
    await startLesson(C.id, w.c2);
    await completeLesson(w.stranger.id, w.c1, parseLocal(addLocalDays(TODAY, -400), "09:00")!);

    const base: CoverageFilter = { teamIds: null, series: w.series.id };
    const later = parseLocal(addLocalDays(TODAY, 10), "09:00")!;
    const cases: [CoverageFilter, Date][] = [
      [base, NOW],
      [base, later],
      [{ ...base, assignedOnly: true }, later],
      [{ ...base, from: addLocalDays(TODAY, -1) }, later],
    ];
    for (const [f, at] of cases) {
      const cells = await coverage(f, at);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        const people = await coveragePeople(f, cell.teamId, cell.courseId, at);
        const counted = { done: 0, progress: 0, new: 0, overdue: 0 };
        for (const p of people) counted[p.state]++;
        expect(cell.counts).toEqual(counted);
        expect(cell.total).toBe(people.length);
      }
    }
    // Hand-counted: the team's course 2 after the due day — B done by the class, C started but
    // overdue, A and the lead overdue; the stranger's completion of 400 days ago has no refresh
    // to lapse by (no assignment of theirs), so it stays done.
    const after = await coverage(base, later);
    const team2 = after.find((c) => c.teamId === w.team.id && c.courseId === w.c2.id)!;
    expect(team2.counts).toEqual({ done: 1, progress: 0, new: 0, overdue: 3 });
    const stranger1 = after.find((c) => c.teamId === w.other.id && c.courseId === w.c1.id)!;
    expect(stranger1.counts).toEqual({ done: 1, progress: 0, new: 0, overdue: 0 });
  });
});
