import { describe, expect, it } from "vitest";
import {
  conflict,
  DomainError,
  forbidden,
  gone,
  invalid,
  invariant,
  isDomainError,
  notFound,
  rateLimited,
  refusal,
} from "~/lib/errors";

describe("DomainError", () => {
  it("derives the HTTP status from the code", () => {
    expect(invalid("x:err.a").status).toBe(400);
    expect(forbidden().status).toBe(403);
    expect(notFound().status).toBe(404);
    expect(conflict("x:err.b").status).toBe(409);
    expect(gone().status).toBe(410);
    expect(rateLimited("x:err.c").status).toBe(429);
  });

  it("falls back to the generic message of its status when no key is given", () => {
    expect(notFound().messageKey).toBe("common:error.404");
    expect(forbidden().messageKey).toBe("common:error.403");
    expect(notFound("workflow:err.notFound").messageKey).toBe("workflow:err.notFound");
  });

  it("puts a keyed message on the whole form unless a field is named", () => {
    expect(conflict("workflow:err.changed", { params: { version: 3 } })).toMatchObject({
      code: "conflict",
      fieldErrors: { _form: "workflow:err.changed" },
      params: { version: 3 },
    });
    expect(invalid("workflow:err.datePast", { field: "date" }).fieldErrors).toEqual({ date: "workflow:err.datePast" });
  });

  it("takes field errors, and the first of them is the message", () => {
    const e = invalid({ trainerId: "surveys:err.trainer", attendees: "surveys:err.attendees" });
    expect(e.fieldErrors).toEqual({ trainerId: "surveys:err.trainer", attendees: "surveys:err.attendees" });
    expect(e.messageKey).toBe("surveys:err.trainer");
    expect(e.status).toBe(400);
  });

  it("is an Error, so it unwinds a transaction like any throw", () => {
    const e = conflict("x:err.y");
    expect(e).toBeInstanceOf(Error);
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
  });
});

describe("invariant", () => {
  it("throws the given refusal only when the condition fails", () => {
    expect(() => invariant(1, notFound())).not.toThrow();
    expect(() => invariant(null, notFound("x:err.gone"))).toThrow(DomainError);
    expect(() => invariant(false, () => forbidden())).toThrowError(expect.objectContaining({ status: 403 }));
  });
});

describe("refusal", () => {
  it("returns a domain error as a value and rethrows anything else", async () => {
    const got = await Promise.reject(invalid("x:err.a")).catch(refusal);
    expect(got).toMatchObject({ status: 400, messageKey: "x:err.a" });
    const boom = new TypeError("bug");
    await expect(Promise.reject(boom).catch(refusal)).rejects.toBe(boom);
  });
});
