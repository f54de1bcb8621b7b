import { describe, expect, it } from "vitest";
import { verificationId } from "~/people/certificate";

describe("verificationId", () => {
  it("is stable for the same record and differs for another person, course or day", () => {
    const id = verificationId("C", [1, "E001", "complaints", 5, "2026-11-29"]);
    expect(id).toMatch(/^WK-C-[0-9A-F]{5}-[0-9A-F]{5}$/);
    expect(verificationId("C", [1, "E001", "complaints", 5, "2026-11-29"])).toBe(id);
    expect(verificationId("C", [2, "E002", "complaints", 5, "2026-11-29"])).not.toBe(id);
    expect(verificationId("C", [1, "E001", "complaints", 5, "2026-11-30"])).not.toBe(id);
    expect(verificationId("R", [1, "E001", "complaints", 5, "2026-11-29"])).not.toBe(id);
  });
});
