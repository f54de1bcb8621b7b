import { describe, expect, it } from "vitest";
import { projectSchema } from "~/development/schemas";
import { canMoveStage, isClosedStage, nextStages, STAGES } from "~/development/stages";
import { groupOf, nextMilestone, teamProblem } from "~/development/team";

describe("project stages", () => {
  it("runs drafting → trial → revising → accepted → in-library", () => {
    expect(canMoveStage("drafting", "trial")).toBe(true);
    expect(canMoveStage("trial", "revising")).toBe(true);
    expect(canMoveStage("revising", "trial")).toBe(true);
    expect(canMoveStage("revising", "accepted")).toBe(true);
    expect(canMoveStage("accepted", "in-library")).toBe(true);
  });
  it("refuses skipping the trial lecture, going back from acceptance, and leaving a closed stage", () => {
    expect(canMoveStage("drafting", "accepted")).toBe(false);
    expect(canMoveStage("drafting", "in-library")).toBe(false);
    expect(canMoveStage("accepted", "revising")).toBe(false);
    expect(canMoveStage("accepted", "rejected")).toBe(false);
    for (const s of STAGES) {
      expect(canMoveStage("in-library", s)).toBe(false);
      expect(canMoveStage("rejected", s)).toBe(false);
    }
  });
  it("any open stage before acceptance may be rejected; only the two ends are closed", () => {
    for (const s of ["drafting", "trial", "revising"] as const) expect(nextStages(s)).toContain("rejected");
    expect(STAGES.filter(isClosedStage)).toEqual(["in-library", "rejected"]);
  });
});

describe("project team", () => {
  it("needs a member, each person once, and exactly one chair when experts sit on it", () => {
    expect(teamProblem([])).toBe("development:err.noMembers");
    expect(teamProblem([{ userId: 1, role: "author" }])).toBeNull();
    expect(
      teamProblem([
        { userId: 1, role: "author" },
        { userId: 1, role: "reviewer" },
      ]),
    ).toBe("development:err.memberTwice");
    expect(
      teamProblem([
        { userId: 1, role: "expert" },
        { userId: 2, role: "author" },
      ]),
    ).toBe("development:err.oneChair");
    expect(
      teamProblem([
        { userId: 1, role: "chair" },
        { userId: 2, role: "chair" },
      ]),
    ).toBe("development:err.oneChair");
    expect(
      teamProblem([
        { userId: 1, role: "chair" },
        { userId: 2, role: "expert" },
        { userId: 3, role: "author" },
      ]),
    ).toBeNull();
    expect(groupOf("chair")).toBe("expert");
    expect(groupOf("developer")).toBe("development");
  });

  it("the form schema reports the team rule on the members field", () => {
    const r = projectSchema.safeParse({
      title: "x",
      format: "m30",
      members: [{ userId: 1, role: "expert" }],
      milestones: [],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["members"]);
    expect(r.error?.issues[0]?.message).toBe("development:err.oneChair");
  });

  it("what is due next: the earliest open milestone, overdue when its day has passed", () => {
    const ms = [
      { dueOn: "2026-12-10", doneAt: null },
      { dueOn: "2026-11-20", doneAt: new Date() },
      { dueOn: "2026-12-01", doneAt: null },
    ];
    expect(nextMilestone(ms, "2026-11-29")).toEqual({ milestone: ms[2], overdue: false });
    expect(nextMilestone(ms, "2026-12-02")).toEqual({ milestone: ms[2], overdue: true });
    expect(nextMilestone(ms, "2026-12-01")?.overdue).toBe(false);
    expect(nextMilestone([{ dueOn: "2026-11-20", doneAt: new Date() }], "2026-11-29")).toBeNull();
  });
});
