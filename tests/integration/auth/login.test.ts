import { describe, expect, it } from "vitest";
import { LOGIN_IP_MAX_FAILURES } from "~/auth/rate-limit.server";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { action as passwordAction } from "~/routes/account.password";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { at } from "../../fixtures/lists";
import { createTestUser, makeRequest, settle, TEST_PASSWORD } from "../../fixtures/users";

type DataResult = { type: "DataWithResponseInit"; data: Record<string, unknown>; init: ResponseInit | null };

async function postLogin(form: Record<string, string>, headers: Record<string, string> = {}) {
  const request = await makeRequest("/login", { form, headers: { "X-Weike-Remote-Addr": "198.51.100.1", ...headers } });
  return (await settle(() => loginAction({ request, params: {}, context: {} }))).value as Response | DataResult;
}

describe("login action", () => {
  it("signs in and sets a safe cookie", async () => {
    const user = await createTestUser();
    const res = (await postLogin({
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
      redirectTo: "/courses",
    })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/courses");
    const cookie = res.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^weike_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  });

  it("uses the __Host- prefix and Secure over HTTPS", async () => {
    const user = await createTestUser();
    const request = new Request("https://weike.example/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
    });
    const res = (await loginAction({ request, params: {}, context: {} })) as Response;
    expect(res.headers.getSetCookie()[0]).toMatch(
      /^__Host-weike_session=.*; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
    );
  });

  it("never redirects off-site after sign-in", async () => {
    const user = await createTestUser();
    const res = (await postLogin({
      email: user.email,
      password: TEST_PASSWORD,
      redirectTo: "//evil.example/",
    })) as Response;
    expect(res.headers.get("Location")).toBe("/");
  });

  it("answers bad input with 400 and field errors, storing nothing", async () => {
    const before = await db.loginAttempt.count();
    const res = (await postLogin({ email: "x".repeat(10_000), password: "" })) as DataResult;
    expect(res.init?.status).toBe(400);
    expect(res.data.errors).toEqual({ email: "auth:login.emailTooLong", password: "auth:login.passwordRequired" });
    expect(await db.loginAttempt.count()).toBe(before);
  });

  it("says a wrong password is wrong, without telling which part", async () => {
    const user = await createTestUser();
    const wrong = (await postLogin({ email: user.email, password: "nope" })) as DataResult;
    const unknown = (await postLogin({ email: "nobody@weike.test", password: "nope" })) as DataResult;
    expect(wrong.init?.status).toBe(400);
    expect(wrong.data.message).toEqual(unknown.data.message);
  });

  it("limits an account to 10 failures in 15 minutes, with a time to retry", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 10; i++) {
      const res = (await postLogin(
        { email: user.email, password: `bad-${i}` },
        { "X-Weike-Remote-Addr": `198.51.100.${i + 10}` },
      )) as DataResult;
      expect(res.init?.status).toBe(400);
    }
    // Even the right password is refused now, from any address.
    const limited = (await postLogin(
      { email: user.email, password: TEST_PASSWORD },
      { "X-Weike-Remote-Addr": "192.0.2.99" },
    )) as DataResult;
    expect(limited.init?.status).toBe(429);
    expect(new Headers(limited.init?.headers).get("Retry-After")).toMatch(/^\d+$/);
    expect((limited.data.message as { key: string }).key).toBe("auth:login.rateLimited");
  });

  it("limits an IP to 30 failures across accounts", async () => {
    const ip = { "X-Weike-Remote-Addr": "203.0.113.200" };
    for (let i = 0; i < LOGIN_IP_MAX_FAILURES; i++)
      await postLogin({ email: `ghost${i}@weike.test`, password: "x" }, ip);
    const user = await createTestUser();
    const limited = (await postLogin({ email: user.email, password: TEST_PASSWORD }, ip)) as DataResult;
    expect(limited.init?.status).toBe(429);
  });
});

describe("logout and password change", () => {
  it("logout deletes the session", async () => {
    const user = await createTestUser();
    const request = await makeRequest("/logout", { userId: user.id, form: {} });
    const token = decodeURIComponent(at(request.headers.get("Cookie")!.split("="), 1));
    const res = (await logoutAction({ request, params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login");
    expect((await validateSessionToken(token)).status).toBe("invalid");
  });

  it("changing the password needs the old one and revokes all other sessions", async () => {
    const user = await createTestUser();
    const other = await createSession(user.id);
    const wrong = await makeRequest("/account/password", {
      userId: user.id,
      form: { current: "wrong", next: "a-new-password", confirm: "a-new-password" },
    });
    const refused = (await passwordAction({ request: wrong, params: {}, context: {} })) as unknown as DataResult;
    expect(refused.init?.status).toBe(400);
    expect((await validateSessionToken(other.token)).status).toBe("valid");

    const request = await makeRequest("/account/password", {
      userId: user.id,
      form: { current: TEST_PASSWORD, next: "a-new-password", confirm: "a-new-password" },
    });
    const mine = decodeURIComponent(at(request.headers.get("Cookie")!.split("="), 1));
    const res = (await passwordAction({ request, params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect((await validateSessionToken(other.token)).status).toBe("invalid");
    expect((await validateSessionToken(mine)).status).toBe("valid");
  });

  it("refuses a short or mismatched new password", async () => {
    const user = await createTestUser();
    const request = await makeRequest("/account/password", {
      userId: user.id,
      form: { current: TEST_PASSWORD, next: "short", confirm: "other" },
    });
    const res = (await passwordAction({ request, params: {}, context: {} })) as unknown as DataResult;
    expect(res.init?.status).toBe(400);
    expect(res.data.errors).toMatchObject({ next: "auth:password.tooShort" });
  });
});
