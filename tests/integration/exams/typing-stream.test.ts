// The typing log streamed while the exam runs: the server stamps each batch on arrival and scores
// only what arrived in time (decision record 023).
import { describe, expect, it } from "vitest";
import { startTyping, submitTyping } from "~/exams/typing.server";
import { db } from "~/lib/db.server";
import { action as streamAction } from "~/routes/exams.typing_.stream";
import { humanEvents } from "../../fixtures/typing-logs";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";
import { steadyLog, streamLive } from "./helpers";

async function begin() {
  const user = await createTestUser();
  const s = await startTyping(user.id, "zh");
  const { startedAt } = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
  const text = Array.from(s.target.repeat(3)).slice(0, 300).join("");
  const log = { v: 1, durationMs: 180_000, events: humanEvents(text, 500, 179_000, 2) as unknown[][] };
  const end = new Date(startedAt.getTime() + 180_300);
  return { user, s, startedAt, log, end };
}

const post = async (userId: number, form: Record<string, string>) => {
  const request = await makeRequest("/exams/typing/stream", { userId, form });
  const out = await settle(() => streamAction({ request, params: {}, context: {} } as never));
  return out.value as Response;
};

describe("typing: the live stream", () => {
  it("a log typed live passes, and the result says which checks ran", async () => {
    const { user, s, log, end } = await begin();
    expect(await streamLive(user.id, s.token, s.attemptId, log)).toBe(44);
    const out = await submitTyping(user.id, s.token, JSON.stringify(log), end);
    const result = await db.examResult.findUniqueOrThrow({ where: { id: out.resultId } });
    expect(result).toMatchObject({ valid: true, passed: true });
    const { checks } = JSON.parse(result.figures);
    expect(checks.stream).toEqual({ batches: 45, seconds: 180, ok: true });
    expect(checks.human).toMatchObject({ ok: true, longestCommit: 2 });
  });

  it("a complete, person-like log composed by a script and sent at the end is stored as invalid", async () => {
    const { user, s, log, end } = await begin();
    const out = await submitTyping(user.id, s.token, JSON.stringify(log), end);
    expect(out.figures.invalid).toEqual(["stream-gap"]);
    const result = await db.examResult.findUniqueOrThrow({ where: { id: out.resultId } });
    expect(result).toMatchObject({ valid: false, passed: false });
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
    expect(attempt).toMatchObject({ status: "invalid", invalidReason: "stream-gap" });
  });

  it("the same log sent in batches that all arrive at the end is refused as late", async () => {
    const { user, s, log, end } = await begin();
    await streamLive(user.id, s.token, s.attemptId, log, () => 179_900);
    const out = await submitTyping(user.id, s.token, JSON.stringify(log), end);
    expect(out.figures.invalid).toContain("stream-late");
  });

  it("replayed twice as fast as it claims is refused as early", async () => {
    const { user, s, log, startedAt } = await begin();
    await streamLive(user.id, s.token, s.attemptId, log, (at) => at / 2);
    const out = await submitTyping(user.id, s.token, JSON.stringify(log), new Date(startedAt.getTime() + 90_300));
    expect(out.figures.invalid).toEqual(expect.arrayContaining(["stream-early", "clock"]));
  });

  it("a submitted log that differs from what was streamed is refused", async () => {
    const { user, s, log, end } = await begin();
    await streamLive(user.id, s.token, s.attemptId, log);
    const doctored = { ...log, events: log.events.map((e, i) => (i === 5 ? [e[0], "i", "好"] : e)) };
    const out = await submitTyping(user.id, s.token, JSON.stringify(doctored), end);
    expect(out.figures.invalid).toContain("stream-mismatch");
  });

  it("batches: in order, idempotent on retry, only for the user's own open attempt, size-limited", async () => {
    const { user, s, log, end } = await begin();
    const batch = (seq: number, events: unknown[]) => ({
      token: s.token,
      seq: String(seq),
      at: String(4000 * (seq + 1)),
      events: JSON.stringify(events),
    });
    const first = await post(user.id, batch(0, log.events.slice(0, 2)));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ seq: 0, duplicate: false });
    const retry = await post(user.id, batch(0, log.events.slice(0, 3)));
    expect(await retry.json()).toEqual({ seq: 0, duplicate: true });
    const stored = await db.typingBatch.findMany({ where: { attemptId: s.attemptId } });
    expect(stored.map((b) => JSON.parse(b.events).length)).toEqual([2]);

    expect((await post(user.id, batch(2, []))).status).toBe(409);
    expect((await post(user.id, { ...batch(1, []), events: "not json" })).status).toBe(400);
    const huge = { ...batch(1, []), events: JSON.stringify(Array.from({ length: 2000 }, () => [1, "d", 0])) };
    expect((await post(user.id, huge)).status).toBe(413);
    const stranger = await createTestUser();
    expect((await post(stranger.id, batch(1, []))).status).toBe(403);

    await submitTyping(user.id, s.token, JSON.stringify(steadyLog("您好", 180_000)), end);
    expect((await post(user.id, batch(1, []))).status).toBe(409);
    expect(await db.typingBatch.count({ where: { attemptId: s.attemptId } })).toBe(1);
  });

  it("batches: at most one a second over the exam and its grace, then refused as too many", async () => {
    const { user, s, startedAt } = await begin();
    const { streamTyping } = await import("~/exams/typing.server");
    // 180 s of exam and 30 s of grace: 210 batches, the last one sent through the stream.
    await db.typingBatch.createMany({
      data: Array.from({ length: 209 }, (_, seq) => ({ attemptId: s.attemptId, seq, at: seq * 100, events: "[]" })),
    });
    await expect(
      streamTyping(user.id, s.token, { seq: 209, at: 20_900, events: [] }, new Date(startedAt.getTime() + 20_900)),
    ).resolves.toEqual({ seq: 209, duplicate: false });
    const late = new Date(startedAt.getTime() + 30_000);
    await expect(streamTyping(user.id, s.token, { seq: 210, at: 21_000, events: [] }, late)).rejects.toMatchObject({
      status: 429,
    });
    await expect(streamTyping(user.id, s.token, { seq: 209, at: 20_900, events: [] }, late)).resolves.toEqual({
      seq: 209,
      duplicate: true,
    });
    expect(await db.typingBatch.count({ where: { attemptId: s.attemptId } })).toBe(210);
    const last = await db.typingBatch.findUniqueOrThrow({
      where: { attemptId_seq: { attemptId: s.attemptId, seq: 209 } },
    });
    expect(last.receivedAt.getTime() - startedAt.getTime()).toBe(20_900);
  });
});
