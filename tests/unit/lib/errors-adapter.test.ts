import { describe, expect, it } from "vitest";
import { conflict, DomainError, forbidden, invalid, notFound, rateLimited } from "~/lib/errors";
import { ensure, errorPage, errorText, formAction, orErrorPage } from "~/lib/errors.server";

// What `data(...)` hands to Remix for an action: the body and the response init.
type Answer = { data: Record<string, unknown>; init: ResponseInit | null };

// What a loader throws: a Response with the status and a JSON body.
async function thrown(fn: () => unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Response);
    const r = e as Response;
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  }
  throw new Error("nothing was thrown");
}

describe("loaders: a refusal becomes the error page", () => {
  it("carries the status, the message key and its values", async () => {
    const page = errorPage(rateLimited("exams:err.cooldown", { params: { at: "10:00" } }));
    expect(page.status).toBe(429);
    expect(page.headers.get("Content-Type")).toMatch(/json/);
    expect(await page.json()).toEqual({ messageKey: "exams:err.cooldown", params: { at: "10:00" } });
  });

  it("ensure throws it only when the condition fails", async () => {
    expect(() => ensure({ id: 1 }, notFound())).not.toThrow();
    const page = await thrown(() => ensure(null, notFound()));
    expect(page.status).toBe(404);
    expect(page.body.messageKey).toBe("common:error.404");
    expect((await thrown(() => ensure(false, forbidden()))).status).toBe(403);
  });

  it("orErrorPage converts refusals and lets other failures through", async () => {
    expect(await orErrorPage(async () => 7)).toBe(7);
    const page = await thrown(() => orErrorPage(() => Promise.reject(notFound("exams:err.noContent"))));
    expect(page.status).toBe(404);
    expect(page.body.messageKey).toBe("exams:err.noContent");
    const bug = new Error("bug");
    await expect(orErrorPage(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe("actions: a refusal becomes the form's error data", () => {
  it("passes a success through untouched", async () => {
    expect(await formAction(async () => ({ next: 2 }))).toEqual({ next: 2 });
  });

  it("answers with the status, the field errors, the message and what the user typed", async () => {
    const out = (await formAction(
      () => Promise.reject(conflict("workflow:err.changed", { params: { state: "approved", version: 4 } })),
      { need: "typed text" },
    )) as unknown as Answer;
    expect(out.init?.status).toBe(409);
    expect(out.data).toEqual({
      errors: { _form: "workflow:err.changed" },
      error: "workflow:err.changed",
      params: { state: "approved", version: 4 },
      values: { need: "typed text" },
    });
  });

  it("keeps per-field messages and extra page state", async () => {
    const e = new DomainError("invalid", "exams:err.rubric", { fieldErrors: { "s.empathy": "exams:err.rubricRange" } });
    const out = (await formAction(() => Promise.reject(e), {}, { roles: ["HR"] })) as unknown as Answer;
    expect(out.init?.status).toBe(400);
    expect(out.data).toMatchObject({
      errors: { "s.empathy": "exams:err.rubricRange" },
      error: "exams:err.rubric",
      roles: ["HR"],
    });
    const field = (await formAction(() =>
      Promise.reject(invalid({ email: "admin:err.emailTaken" })),
    )) as unknown as Answer;
    expect(field.data.errors).toEqual({ email: "admin:err.emailTaken" });
  });

  it("rethrows what is not a refusal, so bugs still reach the 500 page", async () => {
    const bug = new TypeError("bug");
    await expect(formAction(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe("downloads: a refusal becomes plain text", () => {
  it("translates the message with its values and keeps the status", async () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key}|${JSON.stringify(params)}`;
    const r = errorText(invalid("workflow:err.rangeReversed", { field: "to" }), t);
    expect(r.status).toBe(400);
    expect(r.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect(await r.text()).toBe("workflow:err.rangeReversed|{}");
  });
});
