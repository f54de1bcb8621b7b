// A whole shift starting an exam at once (decision 057): a start the server cannot take now is
// turned away at once with 503 and Retry-After, and the time the server itself keeps a typing
// batch waiting is not held against the trainee, while a batch that really came late still is.
import { afterEach, describe, expect, it } from "vitest";
import { chatAction } from "~/exams/chat-route.server";
import { setStartLimit } from "~/exams/start-gate.server";
import { startTyping, streamTyping, submitTyping } from "~/exams/typing.server";
import { db } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";
import { retryAfterHeaders } from "~/lib/errors.server";
import { action as quizAction, headers as quizHeaders } from "~/routes/exams.quiz.$id";
import { headers as responseHeaders } from "~/routes/exams.response";
import { action as typingAction, headers as typingHeaders } from "~/routes/exams.typing";
import { action as streamAction } from "~/routes/exams.typing_.stream";
import { humanEvents } from "../../fixtures/typing-logs";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";
import { outcome } from "./helpers";

afterEach(() => setStartLimit());

async function begin() {
  const user = await createTestUser();
  const s = await startTyping(user.id, "zh");
  const { startedAt } = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
  const text = Array.from(s.target.repeat(3)).slice(0, 300).join("");
  const log = { v: 1, durationMs: 180_000, events: humanEvents(text, 500, 179_000, 2) as unknown[][] };
  return { user, s, startedAt, log, end: new Date(startedAt.getTime() + 180_300) };
}

/**
 * Streams the log as the page does: a batch every 4 s, the next cut only once the previous one
 * is answered. `held(seq)` is how long the server kept batch seq before answering; `late(seq)`
 * how long it travelled before it reached the server at all.
 */
async function streamWith(
  t: Awaited<ReturnType<typeof begin>>,
  held: (seq: number) => number,
  late: (seq: number) => number = () => 300,
  excuse = true,
) {
  let from = 0;
  let at = 4000;
  for (let seq = 0; at < t.log.durationMs; seq++) {
    let to = from;
    while (to < t.log.events.length && (t.log.events[to]?.[0] as number) <= at) to++;
    const arrived = new Date(t.startedAt.getTime() + at + late(seq));
    const batch = { seq, at, events: t.log.events.slice(from, to) };
    await streamTyping(t.user.id, t.s.token, batch, arrived, excuse ? held(seq) : 0);
    from = to;
    // The answer reaches the page after the server's hold; its next cut is on the 4 s timer after that.
    at = Math.max(at + 4000, at + late(seq) + held(seq) + 300);
  }
}

const score = async (t: Awaited<ReturnType<typeof begin>>) =>
  (await submitTyping(t.user.id, t.s.token, JSON.stringify(t.log), t.end)).figures.invalid;

describe("a start burst: the server's own queue", () => {
  it("a batch the server kept waiting 9 s delays the next cut, and the exam stays valid", async () => {
    const t = await begin();
    await streamWith(t, (seq) => (seq === 10 ? 9000 : 5));
    expect(await score(t)).toEqual([]);
  });

  it("the same gap with no wait on the server's side is still the trainee's gap", async () => {
    const t = await begin();
    await streamWith(t, (seq) => (seq === 10 ? 9000 : 5), undefined, false);
    expect(await score(t)).toContain("stream-gap");
  });

  it("a batch that reached the server 7 s after its moment is late, whatever the server did next", async () => {
    const t = await begin();
    await streamWith(
      t,
      () => 9000,
      (seq) => (seq === 10 ? 7000 : 300),
    );
    expect(await score(t)).toContain("stream-late");
  });

  it("the stream route stamps a batch with its arrival at the server and records the server's wait", async () => {
    const t = await begin();
    const arrivedAt = Date.now() - 8000; // it reached the server 8 s ago and queued since
    const request = await makeRequest("/exams/typing/stream", {
      userId: t.user.id,
      form: { token: t.s.token, seq: "0", at: "4000", events: "[]" },
    });
    const res = (await settle(() => streamAction({ request, params: {}, context: { arrivedAt } } as never)))
      .value as Response;
    expect(res.status).toBe(200);
    const row = await db.typingBatch.findUniqueOrThrow({
      where: { attemptId_seq: { attemptId: t.s.attemptId, seq: 0 } },
    });
    expect(row.receivedAt.getTime()).toBe(arrivedAt);
    expect(row.heldMs).toBeGreaterThanOrEqual(8000);
  });

  it("a stamp the client could send is never taken: a request without the server's stamp is dated now", async () => {
    const t = await begin();
    const before = Date.now();
    const request = await makeRequest("/exams/typing/stream", {
      userId: t.user.id,
      form: { token: t.s.token, seq: "0", at: "4000", events: "[]" },
      headers: { "X-Arrived-At": "1" },
    });
    await settle(() => streamAction({ request, params: {}, context: {} } as never));
    const row = await db.typingBatch.findUniqueOrThrow({
      where: { attemptId_seq: { attemptId: t.s.attemptId, seq: 0 } },
    });
    expect(row.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.heldMs).toBeLessThan(5000);
  });
});

describe("a start burst: starts turned away while the server is behind", () => {
  it("the typing start answers 503 with a Retry-After of a few seconds, and starts nothing", async () => {
    const user = await createTestUser();
    setStartLimit(0);
    const request = await makeRequest("/exams/typing", { userId: user.id, form: { intent: "start", lang: "zh" } });
    const out = await settle(() => typingAction({ request, params: {}, context: {} } as never));
    const res = out.value as { init?: { status?: number; headers?: Record<string, string> }; data?: unknown };
    expect(res.init?.status).toBe(503);
    const retry = Number(res.init?.headers?.["Retry-After"]);
    expect(retry).toBeGreaterThanOrEqual(2);
    expect(retry).toBeLessThanOrEqual(5);
    expect(res.data).toMatchObject({ error: "exams:err.busy", params: { retryAfter: retry } });
    expect(await db.examAttempt.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the quiz start and the drill start are turned away the same way; with room they start", async () => {
    const user = await createTestUser();
    setStartLimit(0);
    const quiz = await makeRequest("/exams/quiz/complaint-handling", { userId: user.id, form: { intent: "start" } });
    const refused = outcome(
      (await settle(() => quizAction({ request: quiz, params: { id: "complaint-handling" }, context: {} } as never)))
        .value,
    );
    expect(refused).toMatchObject({ status: 503, data: { error: "exams:err.busy" } });
    const form = new FormData();
    form.set("intent", "start");
    const drill = await chatAction("response", { id: user.id } as never, form).catch((e: unknown) => e);
    expect(isDomainError(drill) && drill.status).toBe(503);
    expect(await db.examAttempt.count({ where: { userId: user.id } })).toBe(0);

    setStartLimit();
    const again = await makeRequest("/exams/quiz/complaint-handling", { userId: user.id, form: { intent: "start" } });
    const started = outcome(
      (await settle(() => quizAction({ request: again, params: { id: "complaint-handling" }, context: {} } as never)))
        .value,
    );
    expect(started.status).toBe(200);
    expect(started.data.token).toEqual(expect.any(String));
    expect(await chatAction("response", { id: user.id } as never, form)).toMatchObject({
      started: { token: expect.any(String) },
    });
    expect(await db.examAttempt.count({ where: { userId: user.id } })).toBe(2);
  });

  it("a batch of a running exam is never turned away, however many starts wait", async () => {
    const t = await begin();
    setStartLimit(0);
    const request = await makeRequest("/exams/typing/stream", {
      userId: t.user.id,
      form: { token: t.s.token, seq: "0", at: "4000", events: "[]" },
    });
    const res = (await settle(() => streamAction({ request, params: {}, context: {} } as never))).value as Response;
    expect(res.status).toBe(200);
  });
});

describe("a start burst: the page keeps the action's Retry-After", () => {
  it("the exam pages' headers pass Retry-After on, and add nothing otherwise", () => {
    const actionHeaders = new Headers({ "Retry-After": "3" });
    expect(retryAfterHeaders({ actionHeaders })).toEqual({ "Retry-After": "3" });
    expect(retryAfterHeaders({ actionHeaders: new Headers() })).toEqual({});
    expect([typingHeaders, quizHeaders, responseHeaders]).toEqual([
      retryAfterHeaders,
      retryAfterHeaders,
      retryAfterHeaders,
    ]);
  });
});
