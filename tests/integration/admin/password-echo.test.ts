// A refused admin form must never send the typed password back to the browser.
import { describe, expect, it } from "vitest";
import { action as userAction } from "~/routes/admin.users.$id";
import { action as newUserAction } from "~/routes/admin.users.new";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";

const SECRET = "typed-secret-9f3k2";

async function run(fn: () => Promise<unknown>) {
  const { value } = await settle(fn);
  return value instanceof Response ? await value.text() : JSON.stringify(value);
}

describe("admin forms do not echo passwords", () => {
  it.each([
    ["invalid input", { name: "", email: "not-an-email" }],
    ["a taken email", { email: "TAKEN" }],
  ])("create user refused for %s", async (_why, over) => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const email = over.email === "TAKEN" ? admin.email : over.email;
    const form = {
      name: "name" in over ? over.name! : "Someone",
      email: email ?? `x-${Math.random().toString(36).slice(2)}@weike.test`,
      employeeNo: `E${Math.floor(Math.random() * 1e6)}`,
      teamId: "",
      grade: "junior",
      roles: ["TRAINEE"],
      password: SECRET,
    };
    const request = await makeRequest("/admin/users/new", { userId: admin.id, form });
    const body = await run(() => newUserAction({ request, params: {}, context: {} }));
    expect(body).toMatch(/errors/);
    expect(body).not.toContain(SECRET);
  });

  it("password reset refused for a short password", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const user = await createTestUser();
    const request = await makeRequest(`/admin/users/${user.id}`, {
      userId: admin.id,
      form: { intent: "password", password: "short9" },
    });
    const body = await run(() => userAction({ request, params: { id: String(user.id) }, context: {} }));
    expect(body).toMatch(/errors/);
    expect(body).not.toContain("short9");
  });
});
