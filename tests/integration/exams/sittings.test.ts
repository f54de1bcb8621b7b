// Proctored sittings (decision record 025): opening, joining and its refusals, attempts tied to
// the sitting, voiding, and readiness counting only results taken as the plan requires.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetExamContentCache } from "~/exams/content.server";
import { readinessFor } from "~/exams/readiness.server";
import { joinSitting, openSitting } from "~/exams/sittings.server";
import { startTyping, submitTyping } from "~/exams/typing.server";
import { db } from "~/lib/db.server";
import { resetEnv } from "~/lib/env.server";
import { loader as historyLoader } from "~/routes/exams.history.$userId";
import { action as joinAction } from "~/routes/exams.join";
import { loader as reviewLoader } from "~/routes/exams.review";
import { action as liveAction, loader as liveLoader } from "~/routes/exams.sittings.$id";
import { action as openAction } from "~/routes/exams.sittings._index";
import { humanEvents } from "../../fixtures/typing-logs";
import { createTestTeam, createTestUser, makeRequest, settle } from "../../fixtures/users";
import { outcome } from "./helpers";

// A copy of the exam content whose plan requires a sitting for the Chinese typing exam.
const original = process.env.CONTENT_DIR;
let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-sitting-"));
  const from = original ?? path.resolve("content");
  cpSync(path.join(from, "exams"), path.join(dir, "exams"), { recursive: true });
  cpSync(path.join(from, "faq"), path.join(dir, "faq"), { recursive: true });
  const plan = readFileSync(path.join(dir, "exams", "plan.yaml"), "utf8");
  const required = plan.replace("    lang: zh\n", "    lang: zh\n    sitting: required\n");
  expect(required).not.toBe(plan);
  writeFileSync(path.join(dir, "exams", "plan.yaml"), required);
  process.env.CONTENT_DIR = dir;
  resetEnv();
  resetExamContentCache();
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
  resetEnv();
  resetExamContentCache();
  rmSync(dir, { recursive: true, force: true });
});

const MINUTE = 60_000;

async function trainerAndSitting(opts: { network?: string; opensAt?: Date; minutes?: number } = {}) {
  const trainer = { ...(await createTestUser({ roles: ["TRAINER"] })), roles: ["TRAINER" as const] };
  const s = await openSitting(trainer, {
    exam: "typing:zh",
    opensAt: opts.opensAt ?? new Date(Date.now() - MINUTE),
    minutes: opts.minutes ?? 60,
    network: opts.network ?? "",
  });
  return { trainer, ...s };
}

const join = async (userId: number, code: string, ip = "10.20.3.4", headers: Record<string, string> = {}) => {
  const request = await makeRequest("/exams/join", {
    userId,
    form: { code },
    headers: { "X-Weike-Remote-Addr": ip, ...headers },
  });
  return outcome(await joinAction({ request, params: {}, context: {} } as never));
};

const live = async (userId: number, id: number, form: Record<string, string>) => {
  const request = await makeRequest(`/exams/sittings/${id}`, { userId, form });
  const out = await settle(() => liveAction({ request, params: { id: String(id) }, context: {} } as never));
  return outcome(out.value);
};

const members = (sittingId: number) => db.examSittingMember.count({ where: { sittingId } });

/** A typing result stored for an attempt, as the scorer would write a valid pass. */
const passFor = (userId: number, attemptId: number) =>
  db.examResult.create({
    data: { userId, exam: "typing:zh", attemptId, passed: true, valid: true, score: 120, figures: "{}" },
    select: { id: true },
  });

describe("opening a sitting", () => {
  it("a trainer opens one with a readable six-character code; HR may too, a trainee may not", async () => {
    const { id, code } = await trainerAndSitting({ network: "10.20.0.0/16" });
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const row = await db.examSitting.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ exam: "typing:zh", network: "10.20.0.0/16", closedAt: null });
    expect(await db.auditLog.count({ where: { action: "exam.sitting-opened" } })).toBeGreaterThan(0);

    const hr = await createTestUser({ roles: ["HR"] });
    const trainee = await createTestUser();
    const form = { exam: "typing:zh", opensAt: "2099-01-01T09:00", minutes: "60", network: "" };
    const byHr = await settle(async () =>
      openAction({
        request: await makeRequest("/exams/sittings", { userId: hr.id, form }),
        params: {},
        context: {},
      } as never),
    );
    expect(outcome(byHr.value).status).toBe(302);
    const byTrainee = await settle(async () =>
      openAction({
        request: await makeRequest("/exams/sittings", { userId: trainee.id, form }),
        params: {},
        context: {},
      } as never),
    );
    expect((byTrainee.value as Response).status).toBe(403);
  });

  it("refuses a bad network range, an exam outside the plan and a window already over", async () => {
    const hr = { ...(await createTestUser({ roles: ["HR"] })), roles: ["HR" as const] };
    const base = { exam: "typing:zh", opensAt: new Date(), minutes: 60, network: "" };
    await expect(openSitting(hr, { ...base, network: "10.20.0.0/40" })).rejects.toMatchObject({ status: 400 });
    await expect(openSitting(hr, { ...base, exam: "drill" })).rejects.toMatchObject({ status: 400 });
    await expect(
      openSitting(hr, { ...base, opensAt: new Date(Date.now() - 120 * MINUTE), minutes: 60 }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe("joining a sitting", () => {
  it("a trainee joins with the code (any case), and an attempt started then belongs to the sitting", async () => {
    const { id, code } = await trainerAndSitting();
    const trainee = await createTestUser();
    expect((await join(trainee.id, code.toLowerCase())).status).toBe(302);
    expect((await join(trainee.id, code)).status).toBe(302); // joining twice changes nothing
    expect(await members(id)).toBe(1);
    const s = await startTyping(trainee.id, "zh");
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
    expect(attempt.sittingId).toBe(id);
    // Another trainee who did not join takes the exam alone.
    const alone = await createTestUser();
    const a = await startTyping(alone.id, "zh");
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id: a.attemptId } })).sittingId).toBeNull();
  });

  it("a wrong code is refused and stores nothing", async () => {
    const { id } = await trainerAndSitting();
    const trainee = await createTestUser();
    const out = await join(trainee.id, "ZZZZZZ");
    expect(out.status).toBe(400);
    expect(out.data.error).toBe("sittings:err.code");
    expect((await join(trainee.id, "0O1I00")).status).toBe(400);
    expect(await members(id)).toBe(0);
  });

  it("a sitting not open yet, closed early, or past its window is refused", async () => {
    const trainee = await createTestUser();
    const later = await trainerAndSitting({ opensAt: new Date(Date.now() + 30 * MINUTE) });
    const early = await join(trainee.id, later.code);
    expect(early.status).toBe(400);
    expect(early.data.error).toBe("sittings:err.notYet");
    expect(await members(later.id)).toBe(0);

    const closed = await trainerAndSitting();
    expect((await live(closed.trainer.id, closed.id, { intent: "close" })).status).toBe(302);
    const afterClose = await join(trainee.id, closed.code);
    expect(afterClose.data.error).toBe("sittings:err.closed");
    expect(await members(closed.id)).toBe(0);
    // Closing twice is a conflict.
    expect((await live(closed.trainer.id, closed.id, { intent: "close" })).status).toBe(409);

    const over = await trainerAndSitting();
    await db.examSitting.update({ where: { id: over.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect((await join(trainee.id, over.code)).data.error).toBe("sittings:err.closed");
    await expect(joinSitting(trainee.id, over.code, "10.20.3.4")).rejects.toMatchObject({ status: 400 });
  });

  it("an address outside the network range is refused and stores nothing; one inside joins", async () => {
    const { id, code } = await trainerAndSitting({ network: "10.20.0.0/16" });
    const trainee = await createTestUser();
    const outside = await join(trainee.id, code, "192.168.1.9");
    expect(outside.status).toBe(403);
    expect(outside.data.error).toBe("sittings:err.network-outside");
    // Without TRUST_PROXY a forwarded address is not believed.
    expect((await join(trainee.id, code, "192.168.1.9", { "X-Forwarded-For": "10.20.0.5" })).status).toBe(403);
    expect(await members(id)).toBe(0);
    expect((await join(trainee.id, code, "10.20.200.1")).status).toBe(302);
    expect(await db.examSittingMember.findFirstOrThrow({ where: { sittingId: id } })).toMatchObject({
      ip: "10.20.200.1",
    });
  });
});

describe("the live view and voiding", () => {
  it("shows who joined and how far they got; a void needs a reason and ends a running attempt", async () => {
    const { trainer, id, code } = await trainerAndSitting();
    const waiting = await createTestUser({ name: "Waiting Wu" });
    const typing = await createTestUser({ name: "Typing Tan" });
    await join(waiting.id, code);
    await join(typing.id, code);
    const s = await startTyping(typing.id, "zh");
    const view = (await liveLoader({
      request: await makeRequest(`/exams/sittings/${id}`, { userId: trainer.id }),
      params: { id: String(id) },
      context: {},
    } as never)) as { people: { user: { name: string }; progress: string }[] };
    expect(view.people.map((p) => [p.user.name, p.progress])).toEqual([
      ["Waiting Wu", "joined"],
      ["Typing Tan", "in-progress"],
    ]);

    const noReason = await live(trainer.id, id, { intent: "void", attemptId: String(s.attemptId), reason: "  " });
    expect(noReason.status).toBe(400);
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).voidedAt).toBeNull();

    const byTrainee = await live(typing.id, id, { intent: "void", attemptId: String(s.attemptId), reason: "x" });
    expect(byTrainee.status).toBe(403);
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).voidedAt).toBeNull();

    const ok = await live(trainer.id, id, { intent: "void", attemptId: String(s.attemptId), reason: "Phone on desk" });
    expect(ok.status).toBe(302);
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId }, include: { result: true } });
    expect(attempt).toMatchObject({ status: "invalid", voidReason: "Phone on desk", voidedById: trainer.id });
    expect(attempt.result).toMatchObject({ valid: false, passed: false });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "exam.attempt-voided", subjectId: typing.id },
    });
    expect(audit).toMatchObject({ objectKind: "exam-attempt", objectId: s.attemptId, actorId: trainer.id });
    expect(JSON.parse(audit.detail)).toMatchObject({ reason: "Phone on desk" });
    // The token is spent: the trainee's late submission is refused.
    await expect(
      submitTyping(typing.id, s.token, JSON.stringify({ v: 1, durationMs: 1, events: [] })),
    ).rejects.toMatchObject({ status: 409 });
    // Voiding again is a conflict; an attempt of another sitting is not found here.
    expect(
      (await live(trainer.id, id, { intent: "void", attemptId: String(s.attemptId), reason: "again" })).status,
    ).toBe(409);
    const other = await trainerAndSitting();
    expect(
      (await live(other.trainer.id, other.id, { intent: "void", attemptId: String(s.attemptId), reason: "x" })).status,
    ).toBe(404);

    // The trainee's history shows it voided, with the reason.
    const history = (await historyLoader({
      request: await makeRequest(`/exams/history/${typing.id}`, { userId: typing.id }),
      params: { userId: String(typing.id) },
      context: {},
    } as never)) as { rows: { uncounted: string | null; voidReason: string | null }[] };
    expect(history.rows[0]).toMatchObject({ uncounted: "voided", voidReason: "Phone on desk" });
  });
});

describe("readiness and sittings", () => {
  it("a required-sitting exam passed outside a sitting does not count, and the history says why", async () => {
    const alone = await createTestUser();
    const a = await startTyping(alone.id, "zh");
    await passFor(alone.id, a.attemptId);
    const r = await readinessFor(alone.id);
    expect(r?.exams.find((e) => e.exam === "typing:zh")).toMatchObject({ state: "missing", attempted: true });
    const history = (await historyLoader({
      request: await makeRequest(`/exams/history/${alone.id}`, { userId: alone.id }),
      params: { userId: String(alone.id) },
      context: {},
    } as never)) as { rows: { uncounted: string | null }[] };
    expect(history.rows[0]?.uncounted).toBe("no-sitting");

    // The same pass taken in a sitting counts.
    const { code } = await trainerAndSitting();
    const proctored = await createTestUser();
    await join(proctored.id, code);
    const b = await startTyping(proctored.id, "zh");
    await passFor(proctored.id, b.attemptId);
    expect((await readinessFor(proctored.id))?.exams.find((e) => e.exam === "typing:zh")?.state).toBe("passed");
  });

  it("a voided pass never counts, even one taken in a sitting", async () => {
    const { trainer, id, code } = await trainerAndSitting();
    const trainee = await createTestUser();
    await join(trainee.id, code);
    const s = await startTyping(trainee.id, "zh");
    await db.examAttempt.update({ where: { id: s.attemptId }, data: { status: "submitted" } });
    await passFor(trainee.id, s.attemptId);
    expect((await readinessFor(trainee.id))?.exams[0]?.state).toBe("passed");
    expect(
      (await live(trainer.id, id, { intent: "void", attemptId: String(s.attemptId), reason: "Helped" })).status,
    ).toBe(302);
    expect((await readinessFor(trainee.id))?.exams[0]?.state).toBe("missing");
    // Exams that need no sitting still count a voided-free pass taken alone.
    const other = await createTestUser();
    await db.examResult.create({
      data: { userId: other.id, exam: "response", passed: true, valid: true, score: 10, figures: "{}" },
    });
    expect((await readinessFor(other.id))?.exams.find((e) => e.exam === "response")?.state).toBe("passed");
  });
});

describe("the review list", () => {
  it("lists a forged typing result with its reason, filterable by exam and team, for staff only", async () => {
    const team = await createTestTeam();
    const forger = await createTestUser({ teamId: team.id, name: "Forger Fu" });
    const s = await startTyping(forger.id, "zh");
    const { startedAt } = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
    const text = Array.from(s.target.repeat(3)).slice(0, 300).join("");
    // A whole log composed by a script and sent only at the end: nothing was streamed.
    const log = { v: 1, durationMs: 180_000, events: humanEvents(text, 500, 179_000, 2) };
    const out = await submitTyping(forger.id, s.token, JSON.stringify(log), new Date(startedAt.getTime() + 180_300));
    expect(out.figures.invalid).toContain("stream-gap");

    const hr = await createTestUser({ roles: ["HR"] });
    const read = async (query: string, userId = hr.id) =>
      settle(async () =>
        reviewLoader({
          request: await makeRequest(`/exams/review${query}`, { userId }),
          params: {},
          context: {},
        } as never),
      );
    type Rows = { rows: { id: number; user: { id: number }; reasons: string[] }[] };
    const mine = ((await read(`?team=${team.id}`)).value as Rows).rows;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: out.resultId, user: { id: forger.id }, reasons: ["stream-gap"] });
    expect(((await read(`?team=${team.id}&exam=response`)).value as Rows).rows).toHaveLength(0);
    expect(((await read(`?team=${team.id}&exam=typing:zh`)).value as Rows).rows).toHaveLength(1);
    expect(((await read("", forger.id)).value as Response).status).toBe(403);
  });
});
