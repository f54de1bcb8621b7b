import { afterEach, describe, expect, it } from "vitest";
import { requireUser } from "~/auth/guards.server";
import { createSession, purgeExpiredSessions, validateSessionToken } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { resetEnv } from "~/lib/env.server";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";

const HOUR = 3600_000;

afterEach(() => {
  delete process.env.SESSION_IDLE_HOURS;
  delete process.env.SESSION_ABSOLUTE_HOURS;
  resetEnv();
});

describe("sessions", () => {
  it("stores only a hash of the secret and validates the token", async () => {
    const user = await createTestUser({ roles: ["TRAINEE", "LEAD"] });
    const { token } = await createSession(user.id);
    const [id, secret] = token.split(".");
    const row = await db.session.findUniqueOrThrow({ where: { id }, select: { secretHash: true } });
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
    const check = await validateSessionToken(token);
    expect(check.status).toBe("valid");
    if (check.status === "valid") expect(check.user.roles.sort()).toEqual(["LEAD", "TRAINEE"]);
  });

  it("rejects a tampered secret, an unknown id and garbage", async () => {
    const user = await createTestUser();
    const { token } = await createSession(user.id);
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    expect((await validateSessionToken(tampered)).status).toBe("invalid");
    expect((await validateSessionToken("AAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBB")).status).toBe("invalid");
    expect((await validateSessionToken("<script>")).status).toBe("invalid");
    expect((await validateSessionToken(null)).status).toBe("none");
  });

  it("slides the idle timeout on use and expires after inactivity", async () => {
    process.env.SESSION_IDLE_HOURS = "8";
    resetEnv();
    const user = await createTestUser();
    const t0 = new Date("2026-03-01T08:00:00Z");
    const { token } = await createSession(user.id, t0);
    // Active at 7 h: the idle deadline moves to 15 h.
    expect((await validateSessionToken(token, new Date(t0.getTime() + 7 * HOUR))).status).toBe("valid");
    expect((await validateSessionToken(token, new Date(t0.getTime() + 14 * HOUR))).status).toBe("valid");
    // Idle for more than 8 h after the last use: gone, and the row is deleted.
    expect((await validateSessionToken(token, new Date(t0.getTime() + 22.5 * HOUR))).status).toBe("invalid");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ends at the absolute lifetime however active the user is", async () => {
    process.env.SESSION_IDLE_HOURS = "8";
    process.env.SESSION_ABSOLUTE_HOURS = "24";
    resetEnv();
    const user = await createTestUser();
    const t0 = new Date("2026-03-01T08:00:00Z");
    const { token } = await createSession(user.id, t0);
    for (let h = 6; h < 24; h += 6)
      expect((await validateSessionToken(token, new Date(t0.getTime() + h * HOUR))).status).toBe("valid");
    expect((await validateSessionToken(token, new Date(t0.getTime() + 24 * HOUR + 1000))).status).toBe("invalid");
  });

  it("ends the sessions of a deactivated user", async () => {
    const user = await createTestUser();
    const { token } = await createSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await validateSessionToken(token)).status).toBe("invalid");
  });

  it("purges expired sessions", async () => {
    const user = await createTestUser();
    const old = new Date(Date.now() - 30 * 24 * HOUR);
    await createSession(user.id, old);
    await createSession(user.id);
    expect(await purgeExpiredSessions()).toBe(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("guards", () => {
  it("sends anonymous visitors to /login with where they were going", async () => {
    const { value } = await settle(() => requireUser(new Request("http://localhost/courses?q=MOT")));
    expect((value as Response).status).toBe(302);
    expect((value as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fcourses%3Fq%3DMOT");
  });

  it("sends a stale cookie to /login with a message and clears it", async () => {
    const request = new Request("http://localhost/", {
      headers: { Cookie: "weike_session=AAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBB" },
    });
    const { value } = await settle(() => requireUser(request));
    const res = value as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("reason=expired");
    expect(res.headers.get("Set-Cookie")).toMatch(/weike_session=;.*Max-Age=0/);
  });

  it("returns the user for a valid cookie", async () => {
    const user = await createTestUser({ name: "Guarded" });
    const request = await makeRequest("/", { userId: user.id });
    expect((await requireUser(request)).name).toBe("Guarded");
  });

  it("validates a request once even when several loaders ask", async () => {
    const user = await createTestUser();
    const request = await makeRequest("/", { userId: user.id });
    await requireUser(request);
    await db.session.deleteMany({ where: { userId: user.id } });
    // Same Request: the first answer stands. A new request sees the deletion.
    expect((await requireUser(request)).id).toBe(user.id);
    const { value } = await settle(() => requireUser(new Request(request.url, { headers: request.headers })));
    expect((value as Response).status).toBe(302);
  });
});
