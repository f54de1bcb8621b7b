import { describe, expect, it } from "vitest";
import { startTyping, submitTyping } from "~/exams/typing.server";
import { db } from "~/lib/db.server";
import { action as typingAction } from "~/routes/exams.typing";
import { at as elementAt } from "../../fixtures/lists";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { ageAttempt, outcome, resultsSnapshot, steadyLog, streamLive } from "./helpers";

async function startViaRoute(userId: number) {
  const res = outcome(
    await typingAction({
      request: await makeRequest("/exams/typing", { userId, form: { intent: "start", lang: "zh" } }),
      params: {},
      context: {},
    } as never),
  );
  expect(res.status).toBe(200);
  const started = res.data.started as { token: string; target: string; durationMs: number };
  const attempt = await db.examAttempt.findFirstOrThrow({
    where: { userId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return { ...started, attemptId: attempt.id };
}

describe("typing test on the server", () => {
  it("a forged score in the form is ignored: the server scores the log it received", async () => {
    const user = await createTestUser();
    const s = await startViaRoute(user.id);
    expect(s.durationMs).toBe(180_000);
    // 270 correct characters in three minutes: 90 per minute, every one right.
    const text = Array.from(s.target.repeat(2)).slice(0, 270).join("");
    const log = JSON.stringify(steadyLog(text, 180_000));
    const form = { intent: "submit", token: s.token, log, net: "999", accuracy: "1", passed: "true", score: "999" };
    const request = await makeRequest("/exams/typing", { userId: user.id, form });
    // Aged last, just before the submission: the log's 180 s must agree with the server's clock.
    await ageAttempt(s.attemptId, 180_000);
    const res = outcome(await typingAction({ request, params: {}, context: {} } as never));
    expect(res.status).toBe(302);
    const id = Number(res.location!.split("/").pop());
    const result = await db.examResult.findUniqueOrThrow({ where: { id } });
    expect(result.score).toBe(90);
    // Scored, but nothing was streamed while the exam ran: stored as invalid (the live stream's
    // tests, typing-stream.test.ts, show the same log passing when it arrives in time).
    expect(JSON.parse(result.figures).invalid).toEqual(["stream-gap"]);
    expect(result.valid).toBe(false);
    expect(result.passed).toBe(false);
    expect(JSON.parse(result.figures).accuracy).toBe(1);
    const stored = await db.examLog.findUniqueOrThrow({ where: { attemptId: s.attemptId } });
    expect(stored.body).toBe(log);
  });

  it("a log whose clock disagrees with the server's is stored as invalid, not passed", async () => {
    const user = await createTestUser();
    const s = await startViaRoute(user.id);
    // Only 60 s passed on the server, but the log claims a full three minutes.
    await ageAttempt(s.attemptId, 60_000);
    const text = Array.from(s.target.repeat(3)).slice(0, 400).join("");
    const res = outcome(
      await typingAction({
        request: await makeRequest("/exams/typing", {
          userId: user.id,
          form: { intent: "submit", token: s.token, log: JSON.stringify(steadyLog(text, 180_000)) },
        }),
        params: {},
        context: {},
      } as never),
    );
    expect(res.status).toBe(302);
    const result = await db.examResult.findFirstOrThrow({ where: { userId: user.id } });
    expect(result.valid).toBe(false);
    expect(result.passed).toBe(false);
    expect(JSON.parse(result.figures).invalid).toContain("clock");
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).status).toBe("invalid");
  });

  it("refuses a token that is reused, expired or someone else's, and no earlier result changes", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const first = await startTyping(alice.id, "zh");
    const startedAt = (await db.examAttempt.findUniqueOrThrow({ where: { id: first.attemptId } })).startedAt.getTime();
    const log = JSON.stringify(steadyLog(Array.from(first.target.repeat(2)).slice(0, 300).join(""), 180_000));
    await submitTyping(alice.id, first.token, log, new Date(startedAt + 180_200));
    const before = await resultsSnapshot();

    const submit = async (userId: number, token: string) =>
      outcome(
        await typingAction({
          request: await makeRequest("/exams/typing", { userId, form: { intent: "submit", token, log } }),
          params: {},
          context: {},
        } as never),
      );

    const reused = await submit(alice.id, first.token);
    expect(reused.status).toBe(409);
    expect(reused.data.error).toBe("exams:err.tokenUsed");

    await ageAttempt(first.attemptId, 20 * 60_000); // past the retake cool-down
    const second = await startTyping(alice.id, "zh");
    const stolen = await submit(bob.id, second.token);
    expect(stolen.status).toBe(403);
    expect(stolen.data.error).toBe("exams:err.tokenOther");

    await ageAttempt(second.attemptId, 600_000);
    const expired = await submit(alice.id, second.token);
    expect(expired.status).toBe(400);
    expect(expired.data.error).toBe("exams:err.tokenExpired");

    const unknown = await submit(alice.id, "x".repeat(32));
    expect(unknown.status).toBe(400);

    expect(await resultsSnapshot()).toEqual(before);
  });

  it("a malformed log or one with out-of-order or future stamps voids the attempt", async () => {
    const user = await createTestUser();
    const a = await startTyping(user.id, "zh");
    await expect(submitTyping(user.id, a.token, "{not json")).rejects.toMatchObject({
      messageKey: "exams:err.badLog",
      status: 400,
    });
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id: a.attemptId } })).invalidReason).toBe(
      "malformed-log",
    );

    await ageAttempt(a.attemptId, 20 * 60_000); // past the retake cool-down
    const b = await startTyping(user.id, "zh");
    const at = (await db.examAttempt.findUniqueOrThrow({ where: { id: b.attemptId } })).startedAt.getTime();
    const events = [
      [5000, "i", "您"],
      [4000, "i", "好"],
      [200_000, "i", "请"],
    ];
    const out = await submitTyping(
      user.id,
      b.token,
      JSON.stringify({ v: 1, durationMs: 180_000, events }),
      new Date(at + 180_000),
    );
    expect(out.figures.invalid).toEqual(expect.arrayContaining(["order", "future", "too-long"]));
    const result = await db.examResult.findUniqueOrThrow({ where: { id: out.resultId } });
    expect(result.valid).toBe(false);
  });

  it("pasted text makes the result invalid", async () => {
    const user = await createTestUser();
    const a = await startTyping(user.id, "zh");
    const at = (await db.examAttempt.findUniqueOrThrow({ where: { id: a.attemptId } })).startedAt.getTime();
    const log = steadyLog(Array.from(a.target.repeat(2)).slice(0, 300).join(""), 180_000);
    log.events.splice(10, 0, [elementAt(log.events, 10)[0], "p", 120]);
    await streamLive(user.id, a.token, a.attemptId, log);
    const out = await submitTyping(user.id, a.token, JSON.stringify(log), new Date(at + 180_000));
    expect(out.figures.invalid).toEqual(["paste"]);
  });
});
