import { describe, expect, it } from "vitest";
import { setActive, setRoles } from "~/admin/users.server";
import { verifyPassword } from "~/auth/password.server";
import { validateSessionToken, createSession } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { DomainError, refusal } from "~/lib/errors";
import { loader as listLoader } from "~/routes/admin._index";
import { action as userAction } from "~/routes/admin.users.$id";
import { action as newUserAction } from "~/routes/admin.users.new";
import { createTestTeam, createTestUser, makeRequest, settle } from "../../fixtures/users";

type DataResult = { data: Record<string, unknown>; init: ResponseInit | null };

async function asAdmin() {
  return createTestUser({ roles: ["ADMIN"], name: "Admin" });
}

const validUser = (over: Record<string, string | string[]> = {}) => ({
  name: `王"小"明 <b>`,
  email: `new-${Math.random().toString(36).slice(2)}@weike.test`,
  employeeNo: `E${Math.floor(Math.random() * 1e6)}`,
  teamId: "",
  grade: "junior",
  roles: ["TRAINEE"],
  password: "initial-password",
  ...over,
});

describe("admin: users", () => {
  it("creates a user with roles and writes the audit log", async () => {
    const admin = await asAdmin();
    const team = await createTestTeam();
    const input = validUser({ teamId: String(team.id), roles: ["TRAINEE", "LEAD"], grade: "senior" });
    const request = await makeRequest("/admin/users/new", { userId: admin.id, form: input });
    const res = (await newUserAction({ request, params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({
      where: { email: input.email as string },
      select: {
        id: true,
        name: true,
        grade: true,
        teamId: true,
        passwordHash: true,
        roles: { select: { role: true } },
      },
    });
    expect(user.name).toBe(`王"小"明 <b>`);
    expect(user.grade).toBe("senior");
    expect(user.teamId).toBe(team.id);
    expect(user.roles.map((r) => r.role).sort()).toEqual(["LEAD", "TRAINEE"]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(user.passwordHash, "initial-password")).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { subjectId: user.id },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual({ action: "user.create", actorId: admin.id });
  });

  it("refuses a duplicate e-mail with 409 and stores nothing", async () => {
    const admin = await asAdmin();
    const existing = await createTestUser();
    const before = await db.user.count();
    const request = await makeRequest("/admin/users/new", {
      userId: admin.id,
      form: validUser({ email: existing.email }),
    });
    const res = (await newUserAction({ request, params: {}, context: {} })) as unknown as DataResult;
    expect(res.init?.status).toBe(409);
    expect(res.data.errors).toEqual({ email: "admin:err.emailTaken" });
    expect(await db.user.count()).toBe(before);
  });

  it("answers invalid input with 400 naming each field", async () => {
    const admin = await asAdmin();
    const before = await db.user.count();
    const request = await makeRequest("/admin/users/new", {
      userId: admin.id,
      form: { name: "", email: "nope", employeeNo: "有 空格", teamId: "999999", grade: "boss", password: "short" },
    });
    const res = (await newUserAction({ request, params: {}, context: {} })) as unknown as DataResult;
    expect(res.init?.status).toBe(400);
    expect(Object.keys(res.data.errors as object).sort()).toEqual([
      "email",
      "employeeNo",
      "grade",
      "name",
      "password",
      "roles",
    ]);
    expect(await db.user.count()).toBe(before);
  });

  it("deactivating revokes the user's sessions at once", async () => {
    const admin = await asAdmin();
    const user = await createTestUser();
    const { token } = await createSession(user.id);
    // The first step only asks; nothing changes until the admin confirms.
    const ask = await makeRequest(`/admin/users/${user.id}`, { userId: admin.id, form: { intent: "deactivate" } });
    const asked = (await userAction({
      request: ask,
      params: { id: String(user.id) },
      context: {},
    })) as unknown as DataResult;
    expect(asked.data).toEqual({ confirmDeactivate: true });
    expect((await validateSessionToken(token)).status).toBe("valid");
    const request = await makeRequest(`/admin/users/${user.id}`, {
      userId: admin.id,
      form: { intent: "deactivate", confirm: "yes" },
    });
    const res = (await userAction({ request, params: { id: String(user.id) }, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect((await validateSessionToken(token)).status).toBe("invalid");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { subjectId: user.id, action: "user.deactivate" } })).toBe(1);
  });

  it("changes roles and resets passwords, with audit entries", async () => {
    const admin = await asAdmin();
    const user = await createTestUser({ roles: ["TRAINEE"] });
    const { token } = await createSession(user.id);
    const roles = await makeRequest(`/admin/users/${user.id}`, {
      userId: admin.id,
      form: { intent: "roles", roles: ["TRAINER", "HR"] },
    });
    await userAction({ request: roles, params: { id: String(user.id) }, context: {} });
    expect(
      (await db.userRole.findMany({ where: { userId: user.id }, select: { role: true } })).map((r) => r.role).sort(),
    ).toEqual(["HR", "TRAINER"]);

    const reset = await makeRequest(`/admin/users/${user.id}`, {
      userId: admin.id,
      form: { intent: "password", password: "brand-new-secret" },
    });
    await userAction({ request: reset, params: { id: String(user.id) }, context: {} });
    const { passwordHash } = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(await verifyPassword(passwordHash, "brand-new-secret")).toBe(true);
    expect((await validateSessionToken(token)).status).toBe("invalid");
    const actions = (
      await db.auditLog.findMany({ where: { subjectId: user.id }, select: { action: true }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["user.roles", "user.password-reset"]);
  });

  it("will not let an admin lock themself out", async () => {
    const admin = await asAdmin();
    const off = await makeRequest(`/admin/users/${admin.id}`, {
      userId: admin.id,
      form: { intent: "deactivate", confirm: "yes" },
    });
    const res = (await userAction({
      request: off,
      params: { id: String(admin.id) },
      context: {},
    })) as unknown as DataResult;
    expect(res.init?.status).toBe(400);
    const demote = await makeRequest(`/admin/users/${admin.id}`, {
      userId: admin.id,
      form: { intent: "roles", roles: ["TRAINEE"] },
    });
    const res2 = (await userAction({
      request: demote,
      params: { id: String(admin.id) },
      context: {},
    })) as unknown as DataResult;
    expect(res2.data.errors).toEqual({ roles: "admin:err.selfAdmin" });
    expect(await db.user.count({ where: { id: admin.id, active: true } })).toBe(1);
  });

  it("refuses self-demotion and self-deactivation in the feature itself, changing nothing", async () => {
    const admin = await asAdmin();
    const demote = await setRoles(admin.id, admin.id, ["TRAINEE"]).catch(refusal);
    expect(demote).toBeInstanceOf(DomainError);
    expect((demote as DomainError).status).toBe(400);
    expect((demote as DomainError).fieldErrors).toEqual({ roles: "admin:err.selfAdmin" });
    const roles = await db.userRole.findMany({ where: { userId: admin.id }, select: { role: true } });
    expect(roles.map((r) => r.role)).toEqual(["ADMIN"]);
    const off = await setActive(admin.id, admin.id, false).catch(refusal);
    expect((off as DomainError).fieldErrors).toEqual({ _form: "admin:err.selfDeactivate" });
    expect(await db.user.count({ where: { id: admin.id, active: true } })).toBe(1);
    // Another admin may still change them.
    const other = await asAdmin();
    await setRoles(other.id, admin.id, ["TRAINEE"]);
    expect(await db.userRole.count({ where: { userId: admin.id, role: "ADMIN" } })).toBe(0);
  });

  it("404s an unknown user id", async () => {
    const admin = await asAdmin();
    const request = await makeRequest("/admin/users/999999", { userId: admin.id, form: { intent: "deactivate" } });
    const { value } = await settle(() => userAction({ request, params: { id: "999999" }, context: {} }));
    expect((value as Response).status).toBe(404);
  });

  it("searches and pages through users", async () => {
    const admin = await asAdmin();
    for (let i = 0; i < 25; i++) await createTestUser({ name: `Pager ${String(i).padStart(2, "0")}` });
    const first = await listLoader({
      request: await makeRequest("/admin?q=Pager", { userId: admin.id }),
      params: {},
      context: {},
    });
    expect(first.total).toBe(25);
    expect(first.pages).toBe(2);
    expect(first.users).toHaveLength(20);
    const second = await listLoader({
      request: await makeRequest("/admin?q=Pager&page=2", { userId: admin.id }),
      params: {},
      context: {},
    });
    expect(second.users.map((u) => u.name)).toEqual(["Pager 20", "Pager 21", "Pager 22", "Pager 23", "Pager 24"]);
    const byRole = await listLoader({
      request: await makeRequest("/admin?role=ADMIN", { userId: admin.id }),
      params: {},
      context: {},
    });
    expect(byRole.users.every((u) => u.roles.includes("ADMIN"))).toBe(true);
  });
});
