import { describe, expect, it } from "vitest";
import { action as typingAction } from "~/routes/exams.typing";
import { action as langAction } from "~/routes/lang";
import { action as loginAction } from "~/routes/login";
import { createTestUser, makeRequest, settle, TEST_PASSWORD } from "../../fixtures/users";

const addr = { "X-Weike-Remote-Addr": "198.51.100.77" };

function rawPost(path: string, body: BodyInit | null, headers: Record<string, string>) {
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: { ...addr, ...headers } });
}

async function statusOf(run: () => Promise<unknown>) {
  const { value } = await settle(run);
  if (value instanceof Response) return { status: value.status, body: await value.text() };
  return { status: (value as { init?: ResponseInit })?.init?.status ?? "not a response", body: "" };
}

const urlencoded = { "Content-Type": "application/x-www-form-urlencoded" };

describe("form limits", () => {
  it("refuses a few MB of small fields with 413 before parsing them", async () => {
    const body = "a=1&".repeat(750_000) + "email=x%40y.z&password=p";
    const res = await statusOf(() =>
      loginAction({ request: rawPost("/login", body, urlencoded), params: {}, context: {} }),
    );
    expect(res.status).toBe(413);
  });

  it("refuses a 1 MB field with 413", async () => {
    const request = await makeRequest("/login", {
      form: { email: "x".repeat(1_000_000), password: "p" },
      headers: addr,
    });
    expect((await statusOf(() => loginAction({ request, params: {}, context: {} }))).status).toBe(413);
  });

  it("refuses by Content-Length before reading the body", async () => {
    // The declared length is what a streaming client announces; the body is never read.
    const request = rawPost("/login", "email=a", { ...urlencoded, "Content-Length": String(10_000_000) });
    expect((await statusOf(() => loginAction({ request, params: {}, context: {} }))).status).toBe(413);
  });

  it("refuses too many fields inside the byte limit", async () => {
    const body = "a=&".repeat(5000);
    const res = await statusOf(() =>
      langAction({ request: rawPost("/lang", body, urlencoded), params: {}, context: {} }),
    );
    expect(res).toEqual({ status: 413, body: "common:form.tooManyFields" });
  });

  it.each([
    ["JSON", { "Content-Type": "application/json" }, JSON.stringify({ email: "a@b.c", password: "x" })],
    ["missing", {}, null],
    ["text", { "Content-Type": "text/plain" }, "email=a"],
  ])("answers a %s content type with 400 and a message key", async (_name, headers, body) => {
    const res = await statusOf(() =>
      loginAction({ request: rawPost("/login", body, headers), params: {}, context: {} }),
    );
    expect(res).toEqual({ status: 400, body: "common:form.unsupportedType" });
  });

  it("refuses a NUL character in a field with 400 (PostgreSQL cannot store one in text)", async () => {
    const res = await statusOf(() =>
      langAction({ request: rawPost("/lang", "lang=%00en", urlencoded), params: {}, context: {} }),
    );
    expect(res).toEqual({ status: 400, body: "common:form.nul" });
  });

  it("refuses a 2 MB typing log before scoring it", async () => {
    const user = await createTestUser();
    const events = Array.from({ length: 130_000 }, (_, i) => [i, "i", "a"]);
    const log = JSON.stringify({ v: 1, durationMs: 60_000, events });
    expect(log.length).toBeGreaterThan(1_500_000);
    const request = await makeRequest("/exams/typing", {
      userId: user.id,
      form: { intent: "submit", token: "t".repeat(40), log },
    });
    expect((await statusOf(() => typingAction({ request, params: {}, context: {} }))).status).toBe(413);
  });

  it("still signs in with an ordinary form", async () => {
    const user = await createTestUser();
    const request = await makeRequest("/login", {
      form: { email: user.email, password: TEST_PASSWORD },
      headers: addr,
    });
    expect((await statusOf(() => loginAction({ request, params: {}, context: {} }))).status).toBe(302);
  });
});
