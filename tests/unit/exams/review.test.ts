import { describe, expect, it } from "vitest";
import { reviewLines, uncounted } from "~/exams/review";

const noAttempt = { invalidReason: null, voidedAt: null, voidReason: null, sitting: null };

describe("review of a result's checks", () => {
  it("says a typing result is valid with its stream and human-timing checks and no sitting", () => {
    const lines = reviewLines(
      "typing:zh",
      {
        invalid: [],
        checks: { stream: { batches: 45, seconds: 180, ok: true }, human: { ok: true, longestCommit: 2 } },
      },
      noAttempt,
      true,
    );
    expect(lines.map((l) => l.key)).toEqual(["review.valid", "review.streamOk", "review.humanOk", "review.noSitting"]);
    expect(lines[1]?.params).toEqual({ s: 180, count: 45 });
  });

  it("names the reasons of a forged typing result, the void and the sitting", () => {
    const lines = reviewLines(
      "typing:zh",
      { invalid: ["stream-gap"], checks: { stream: { batches: 1, seconds: 180, ok: false }, human: { ok: true } } },
      {
        invalidReason: "stream-gap",
        voidedAt: new Date(),
        voidReason: "Phone",
        voidedBy: { name: "T" },
        sitting: { id: 3, code: "ABCDEF", createdBy: { name: "T" } },
      },
      false,
    );
    expect(lines.map((l) => [l.key, l.ok])).toEqual([
      ["review.invalid", false],
      ["review.voided", false],
      ["review.streamBad", false],
      ["review.humanOk", true],
      ["review.reason", false],
      ["review.sitting", true],
    ]);
  });

  it("reports the pace checks of the response drill and quick replies", () => {
    const drill = reviewLines(
      "response",
      { tooFast: ["m1", "m2"], stuffed: [] },
      { ...noAttempt, invalidReason: "too-fast" },
      false,
    );
    expect(drill.map((l) => l.key)).toEqual([
      "review.invalid",
      "review.tooFast",
      "review.notStuffed",
      "review.reason",
      "review.noSitting",
    ]);
    expect(drill[1]?.params).toEqual({ count: 2 });
    expect(reviewLines("quick-reply", { tooFast: [] }, noAttempt, true).map((l) => l.key)).toEqual([
      "review.valid",
      "review.paceOk",
      "review.noSitting",
    ]);
  });
});

describe("whether a result counts", () => {
  it("a voided result never counts; a required-sitting exam counts only in a sitting", () => {
    const at = new Date();
    expect(uncounted({ exam: "response", attempt: { sittingId: 1, voidedAt: at } }, [])).toBe("voided");
    expect(uncounted({ exam: "typing:zh", attempt: { sittingId: null, voidedAt: null } }, ["typing:zh"])).toBe(
      "no-sitting",
    );
    expect(uncounted({ exam: "typing:zh", attempt: null }, ["typing:zh"])).toBe("no-sitting");
    expect(uncounted({ exam: "typing:zh", attempt: { sittingId: 4, voidedAt: null } }, ["typing:zh"])).toBeNull();
    expect(uncounted({ exam: "typing:zh", attempt: { sittingId: null, voidedAt: null } }, [])).toBeNull();
  });
});
