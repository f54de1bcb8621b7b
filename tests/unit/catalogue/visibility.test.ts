// Decision 035: trainees see the library (live versions), staff the newest synced files.
import { describe, expect, it } from "vitest";
import { libraryStatus, visibleCourseWhere } from "~/catalogue/visibility";

describe("catalogue visibility", () => {
  it("shows trainees and leads only courses with a live version, whatever the file proposes", () => {
    expect(visibleCourseWhere(["TRAINEE", "LEAD"], "draft")).toEqual({
      liveVersionId: { not: null },
      status: { not: "retired" },
    });
    expect(libraryStatus(["TRAINEE"], "draft")).toBe("accepted");
  });

  it("shows course staff every state but retired, in the newest version, and the file's status", () => {
    expect(visibleCourseWhere(["TRAINER"])).toEqual({
      status: { in: ["accepted", "trial", "draft"] },
      currentVersionId: { not: null },
    });
    expect(visibleCourseWhere(["HR"], "trial")).toEqual({ status: "trial", currentVersionId: { not: null } });
    expect(libraryStatus(["HR"], "draft")).toBe("draft");
  });
});
