import { describe, expect, it } from "vitest";
import { LOGIN_IP_MAX_FAILURES, LOGIN_MAX_FAILURES } from "~/auth/rate-limit.server";
import { resetEnv } from "~/lib/env.server";
import { rateLimited } from "~/lib/errors";
import { formError } from "~/lib/errors.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { createTestUser, makeRequest, settle, TEST_PASSWORD } from "../../fixtures/users";

describe("redirect after sign-in", () => {
  it.each(["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%0D%0ASet-Cookie%3A%20x%3D1", "%2Fok%00"])(
    "a signed-in user sent to /login?redirectTo=%s stays on this site",
    async (target) => {
      const user = await createTestUser();
      const request = await makeRequest(`/login?redirectTo=${target}`, { userId: user.id });
      const { value } = await settle(() => loginLoader({ request, params: {}, context: {} }));
      expect(value).toBeInstanceOf(Response);
      expect((value as Response).status).toBe(302);
      expect((value as Response).headers.get("Location")).toBe("/");
    },
  );
});

describe("login throttling a stranger cannot turn into a lockout", () => {
  const office = "203.0.113.50";

  async function post(form: Record<string, string>, headers: Record<string, string>) {
    const request = await makeRequest("/login", { form, headers });
    return (await settle(() => loginAction({ request, params: {}, context: {} }))).value as
      Response | { init: ResponseInit | null; data: Record<string, unknown> };
  }
  const status = (r: Response | { init: ResponseInit | null }) => (r instanceof Response ? r.status : r.init?.status);

  async function knownDeviceCookie(email: string, ip: string) {
    const res = (await post({ email, password: TEST_PASSWORD }, { "X-Weike-Remote-Addr": ip })) as Response;
    expect(res.status).toBe(302);
    const device = res.headers.getSetCookie().find((c) => c.startsWith("weike_device="));
    expect(device).toBeDefined();
    return device?.split(";")[0] ?? "";
  }

  it("lets the victim with a known-device cookie in after an attacker's failures on the same IP", async () => {
    const victim = await createTestUser();
    const cookie = await knownDeviceCookie(victim.email, office);
    // The attacker, behind the same office address, guesses the victim's password and others'.
    for (let i = 0; i < LOGIN_IP_MAX_FAILURES; i++)
      await post(
        { email: i % 2 ? victim.email : `ghost${i}@weike.test`, password: `guess-${i}` },
        { "X-Weike-Remote-Addr": office },
      );
    const locked = await post({ email: victim.email, password: TEST_PASSWORD }, { "X-Weike-Remote-Addr": office });
    expect(status(locked)).toBe(429);
    const victimIn = await post(
      { email: victim.email, password: TEST_PASSWORD },
      { "X-Weike-Remote-Addr": office, Cookie: cookie },
    );
    expect(status(victimIn)).toBe(302);
    // The cookie does not help a wrong password.
    const guess = await post(
      { email: victim.email, password: "another-guess" },
      { "X-Weike-Remote-Addr": office, Cookie: cookie },
    );
    expect(status(guess)).toBe(429);
  });

  it("does not accept a known-device cookie of another account or a forged one", async () => {
    const victim = await createTestUser();
    const other = await createTestUser();
    const otherCookie = await knownDeviceCookie(other.email, "192.0.2.10");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      await post({ email: victim.email, password: `guess-${i}` }, { "X-Weike-Remote-Addr": `192.0.2.${20 + i}` });
    for (const cookie of [otherCookie, `weike_device=${victim.id}.${Math.floor(Date.now() / 1000)}.forged`]) {
      const res = await post(
        { email: victim.email, password: TEST_PASSWORD },
        { "X-Weike-Remote-Addr": "192.0.2.99", Cookie: cookie },
      );
      expect(status(res)).toBe(429);
    }
  });

  it("behind one trusted proxy, a client-sent X-Forwarded-For does not escape the per-IP limit", async () => {
    const before = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = "1";
    resetEnv();
    try {
      const proxy = { "X-Weike-Remote-Addr": "10.0.0.1" };
      const client = "198.51.100.200";
      for (let i = 0; i < LOGIN_IP_MAX_FAILURES; i++)
        await post(
          { email: `nobody${i}@weike.test`, password: "x" },
          { ...proxy, "X-Forwarded-For": `10.9.${i}.1, ${client}` },
        );
      const user = await createTestUser();
      const res = await post(
        { email: user.email, password: TEST_PASSWORD },
        { ...proxy, "X-Forwarded-For": `192.0.2.77, ${client}` },
      );
      expect(status(res)).toBe(429);
    } finally {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
      resetEnv();
    }
  });

  it("answers every 429 with Retry-After", async () => {
    const user = await createTestUser();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      await post({ email: user.email, password: `bad-${i}` }, { "X-Weike-Remote-Addr": `198.18.0.${i}` });
    const res = (await post(
      { email: user.email, password: TEST_PASSWORD },
      { "X-Weike-Remote-Addr": "198.18.1.1" },
    )) as {
      init: ResponseInit | null;
    };
    expect(res.init?.status).toBe(429);
    expect(Number(new Headers(res.init?.headers).get("Retry-After"))).toBeGreaterThan(0);

    const cooldown = formError(
      rateLimited("exams:err.cooldown", { params: { at: new Date(Date.now() + 90_000).toISOString() } }),
    );
    expect(cooldown.init?.status).toBe(429);
    expect(Number(new Headers(cooldown.init?.headers).get("Retry-After"))).toBeGreaterThanOrEqual(89);
  });
});
