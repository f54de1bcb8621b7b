import { describe, expect, it } from "vitest";
import { createUserSchema } from "~/admin/schemas";
import { loginSchema } from "~/auth/schemas";
import { idField, idSchema, parseForm } from "~/lib/validation";

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("parseForm", () => {
  it("returns i18n keys per field for bad login input", () => {
    const empty = parseForm(
      loginSchema,
      form([
        ["email", ""],
        ["password", ""],
      ]),
    );
    expect(empty.success).toBe(false);
    if (!empty.success)
      expect(empty.errors).toEqual({ email: "auth:login.emailRequired", password: "auth:login.passwordRequired" });

    const long = parseForm(
      loginSchema,
      form([
        ["email", "a".repeat(10_000)],
        ["password", "p".repeat(10_000)],
      ]),
    );
    if (long.success) throw new Error("expected failure");
    expect(long.errors).toEqual({ email: "auth:login.emailTooLong", password: "auth:login.passwordTooLong" });

    const malformed = parseForm(
      loginSchema,
      form([
        ["email", "not-an-email"],
        ["password", "x"],
      ]),
    );
    if (malformed.success) throw new Error("expected failure");
    expect(malformed.errors.email).toBe("auth:login.emailInvalid");
  });

  it("collects repeated fields as arrays", () => {
    const f = form([
      ["name", "<b>王</b>"],
      ["email", "NEW@Weike.Test"],
      ["employeeNo", "E-1"],
      ["teamId", ""],
      ["grade", "senior"],
      ["roles", "TRAINEE"],
      ["roles", "LEAD"],
      ["password", "long-enough-pw"],
    ]);
    const parsed = parseForm(createUserSchema, f, ["roles"]);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.roles).toEqual(["TRAINEE", "LEAD"]);
    expect(parsed.data.email).toBe("new@weike.test");
    expect(parsed.data.teamId).toBeNull();
    expect(parsed.data.name).toBe("<b>王</b>");
  });

  it("refuses unknown roles and grades", () => {
    const parsed = parseForm(
      createUserSchema,
      form([
        ["name", "x"],
        ["email", "x@y.z"],
        ["employeeNo", "1"],
        ["teamId", ""],
        ["grade", "boss"],
        ["roles", "KING"],
        ["password", "long-enough-pw"],
      ]),
      ["roles"],
    );
    if (parsed.success) throw new Error("expected failure");
    expect(parsed.errors.grade).toBe("admin:err.grade");
    expect(parsed.errors.roles).toBeDefined();
  });
});

describe("idSchema", () => {
  it("accepts positive integers from text or numbers", () => {
    expect(idSchema.parse("42")).toBe(42);
    expect(idSchema.parse(7)).toBe(7);
    expect(idSchema.parse("2147483647")).toBe(2147483647);
  });
  it("refuses zero, negatives, fractions, exponents, hex, blanks and values beyond the column", () => {
    for (const bad of [
      "0",
      "-1",
      "1.5",
      "1e3",
      "0x10",
      "",
      " ",
      "abc",
      "2147483648",
      "99999999999999999999",
      1.5,
      -3,
      Infinity,
      NaN,
      null,
    ])
      expect(idSchema.safeParse(bad).success, String(bad)).toBe(false);
  });
  it("carries a field's own message", () => {
    const r = idField("admin:err.team").safeParse("x");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("admin:err.team");
  });
});
