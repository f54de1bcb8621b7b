import { describe, expect, it } from "vitest";
import {
  certificateState,
  checkCertificateDates,
  initialToCreate,
  listedEmails,
  qualifiedForAll,
} from "~/trainers/rules";

describe("certificate rules", () => {
  it("is valid through its last day and expired the day after; no end date never expires", () => {
    expect(certificateState({ validUntil: "2027-05-31" }, "2027-05-31")).toBe("valid");
    expect(certificateState({ validUntil: "2027-05-31" }, "2027-06-01")).toBe("expired");
    expect(certificateState({ validUntil: null }, "2099-01-01")).toBe("valid");
  });

  it("wants real days and an end strictly after the issue day", () => {
    expect(checkCertificateDates("2026-06-01", null)).toBeNull();
    expect(checkCertificateDates("2026-06-01", "2026-06-02")).toBeNull();
    expect(checkCertificateDates("2026-06-01", "2026-06-01")).toEqual({
      field: "validUntil",
      error: "trainers:err.validUntil",
    });
    expect(checkCertificateDates("2026-06-01", "2025-12-31")?.field).toBe("validUntil");
    expect(checkCertificateDates("2026-02-30", null)).toEqual({ field: "issuedOn", error: "trainers:err.day" });
    expect(checkCertificateDates("2026-06-01", "junk")).toEqual({ field: "validUntil", error: "trainers:err.day" });
  });
});

describe("initial qualifications", () => {
  const trainers = new Map([
    ["a@x.test", 1],
    ["b@x.test", 2],
  ]);

  it("adds each listed known trainer once, case-insensitively, skipping unknown e-mails", () => {
    const out = initialToCreate(
      [{ courseId: 10, emails: ["A@x.test", "a@x.test", "nobody@x.test", "b@x.test"] }],
      trainers,
      [],
    );
    expect(out).toEqual([
      { trainerId: 1, courseId: 10 },
      { trainerId: 2, courseId: 10 },
    ]);
  });

  it("never adds a pair that has any record (a withdrawn one too)", () => {
    const out = initialToCreate(
      [
        { courseId: 10, emails: ["a@x.test", "b@x.test"] },
        { courseId: 11, emails: ["a@x.test"] },
      ],
      trainers,
      [{ trainerId: 1, courseId: 10 }],
    );
    expect(out).toEqual([
      { trainerId: 2, courseId: 10 },
      { trainerId: 1, courseId: 11 },
    ]);
  });

  it("reads the stored list, and treats anything that is not a list as empty", () => {
    expect(listedEmails('["A@x.test", 3, " b@x.test "]')).toEqual(["a@x.test", "b@x.test"]);
    expect(listedEmails("{}")).toEqual([]);
    expect(listedEmails("not json")).toEqual([]);
  });
});

describe("qualified for every module", () => {
  it("needs a qualification for each module of a series; no modules qualifies nobody", () => {
    const active = [
      { trainerId: 1, courseId: 10 },
      { trainerId: 1, courseId: 11 },
      { trainerId: 2, courseId: 10 },
    ];
    expect([...qualifiedForAll([10, 11], active)]).toEqual([1]);
    expect([...qualifiedForAll([10], active)].sort()).toEqual([1, 2]);
    expect(qualifiedForAll([], active).size).toBe(0);
  });
});
