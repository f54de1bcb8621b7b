// Forgeries that the exams once stored as valid results: each is refused now.
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { grantAttempt } from "~/exams/attempts.server";
import { answerQuickReply, startQuickReply } from "~/exams/quick-reply.server";
import { readinessFor } from "~/exams/readiness.server";
import { ackResponse, finishResponse, replyResponse, startResponse } from "~/exams/response.server";
import { recordSitting, scoreDrill } from "~/exams/trainer.server";
import { startTyping } from "~/exams/typing.server";
import { localDay, startOfLocalDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { createTestUser } from "../../fixtures/users";

// Ties between scripts not taken yet go to the first in name order: courier-delay, whose replies
// are written below.
const FIRST_SCRIPT = () => 0;

const GOOD: Record<string, string> = {
  m1: "您好，请提供一下订单号，我马上帮您查询。",
  m2: "/fh1",
  m3: "非常理解您着急，/kd2",
  m4: "/th1",
  m5: "/fp1",
  m6: "感谢您的耐心，祝您生活愉快！",
};

/** The right reply for a message of the script; a message without one is a broken fixture. */
function good(id: string): string {
  const reply = GOOD[id];
  if (reply === undefined) throw new Error(`no good reply for message ${id}`);
  return reply;
}
const ALL_SHORTCUTS = "您好 订单号 /fh1 /kd2 理解 /th1 /fp1 感谢";

async function t0(attemptId: number) {
  return (await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).startedAt.getTime();
}

async function result(id: number) {
  const r = await db.examResult.findUniqueOrThrow({ where: { id } });
  return { ...r, f: JSON.parse(r.figures) };
}

/** Runs the drill, replying with `text(id)` `gap(i)` ms after each message arrives. */
async function drill(text: (id: string) => string, gap: (i: number) => number) {
  const user = await createTestUser();
  const s = await startResponse(user.id, FIRST_SCRIPT);
  let at = await t0(s.attemptId);
  let current = s.message.id;
  for (let i = 0; ; i++) {
    at += gap(i);
    const out = await replyResponse(user.id, s.token, current, text(current), new Date(at));
    if (out.done) return result(out.resultId);
    current = out.next.id;
  }
}

describe("response drill forgeries", () => {
  it("a human pace with the right facts still passes", async () => {
    const r = await drill(
      (id) => good(id),
      () => 12_000,
    );
    expect(r.f.stuffed).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.passed).toBe(true);
    expect(r.f.completeness).toBe(1);
  });

  it("replies at machine speed (mean 0.01 s) are invalid", async () => {
    const r = await drill(
      (id) => good(id),
      () => 10,
    );
    expect(r.valid).toBe(false);
    expect(r.passed).toBe(false);
    expect(r.f.tooFast.length).toBe(6);
  });

  it("a reply sent the moment the next message is released (0 s) is invalid", async () => {
    const r = await drill(
      (id) => good(id),
      (i) => (i === 3 ? 0 : 12_000),
    );
    expect(r.valid).toBe(false);
    expect(r.f.tooFast).toEqual(["m4"]);
  });

  it("times from the page's acknowledgement, never before release, at most a few seconds later", async () => {
    const user = await createTestUser();
    const s = await startResponse(user.id, FIRST_SCRIPT);
    const start = await t0(s.attemptId);
    await ackResponse(user.id, s.token, "m1", new Date(start + 20_000));
    const out = await replyResponse(user.id, s.token, "m1", good("m1"), new Date(start + 24_000));
    expect(out.done).toBe(false);
    const id = await finishResponse(user.id, s.token, new Date(start + 30_000));
    const r = await result(id);
    // A held-back acknowledgement counts at most 3 s after the release: 24 − 3 = 21 s.
    expect(r.f.perMessage[0].seconds).toBe(21);
  });

  it("a reply listing the facts of other messages scores zero for that message", async () => {
    const r = await drill(
      (id) => (id === "m2" ? "您好 订单号 付款顺序 无法指定 申请退款 电子发票" : good(id)),
      () => 12_000,
    );
    expect(r.f.stuffed).toEqual(["m2"]);
    expect(r.f.perMessage[1].complete).toBe(false);
  });

  it("one canned reply listing every shortcut scores zero for each message", async () => {
    const r = await drill(
      () => ALL_SHORTCUTS,
      () => 12_000,
    );
    expect(r.f.completeness).toBe(0);
    expect(r.f.stuffed.length).toBe(6);
    expect(r.passed).toBe(false);
  });

  it("finishing the moment the last message arrives counts it the whole time limit", async () => {
    const user = await createTestUser();
    const s = await startResponse(user.id, FIRST_SCRIPT);
    let at = await t0(s.attemptId);
    let current = s.message.id;
    for (let i = 0; i < 5; i++) {
      at += 12_000;
      const out = await replyResponse(user.id, s.token, current, good(current), new Date(at));
      if (!out.done) current = out.next.id;
    }
    const r = await result(await finishResponse(user.id, s.token, new Date(at + 10)));
    expect(r.f.perMessage[5].seconds).toBe(600);
    expect(r.f.mean).toBeGreaterThan(30);
    expect(r.passed).toBe(false);
  });
});

describe("quick-reply forgeries", () => {
  it("question ids reveal nothing about the answer", async () => {
    const user = await createTestUser();
    const s = await startQuickReply(user.id);
    const setup = JSON.parse((await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).setup) as {
      items: { id: string; shortcut: string }[];
    };
    for (const item of setup.items) {
      expect(item.id).toMatch(/^q-[0-9a-f]{16}$/);
      expect(item.id).not.toContain(item.shortcut);
    }
    expect(s.question.id).toBe(setup.items[0]?.id);
  });

  it("machine-speed answers are invalid", async () => {
    const user = await createTestUser();
    const s = await startQuickReply(user.id);
    const setup = JSON.parse((await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).setup) as {
      items: { id: string; shortcut: string }[];
    };
    const start = await t0(s.attemptId);
    let out;
    for (const [i, item] of setup.items.entries())
      out = await answerQuickReply(user.id, s.token, item.id, `/${item.shortcut}`, new Date(start + (i + 1) * 10));
    const r = await result((out as { resultId: number }).resultId);
    expect(r.valid).toBe(false);
    expect(r.passed).toBe(false);
  });
});

describe("attempts", () => {
  it("a new start closes the open attempt as a failed result, shown in the history", async () => {
    const user = await createTestUser();
    const first = await startResponse(user.id, FIRST_SCRIPT);
    await db.examAttempt.update({
      where: { id: first.attemptId },
      data: { startedAt: new Date(Date.now() - 60 * 60_000) },
    });
    await startResponse(user.id, FIRST_SCRIPT);
    const closed = await db.examAttempt.findUniqueOrThrow({
      where: { id: first.attemptId },
      include: { result: true },
    });
    expect(closed.status).toBe("invalid");
    expect(closed.invalidReason).toBe("abandoned");
    expect(closed.result).toMatchObject({ passed: false, valid: true, exam: "response" });
  });

  it("a restart within the cool-down is refused (429) and leaves the running attempt open", async () => {
    const user = await createTestUser();
    const first = await startQuickReply(user.id);
    const again = await startQuickReply(user.id).catch((e) => e);
    expect(again.status).toBe(429);
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id: first.attemptId } })).status).toBe("open");
  });

  it("the day's maximum is refused; an HR grant (audited) allows one more", async () => {
    // Noon on the centre's clock, so "today" has room for three starts an hour apart whatever
    // time the suite runs (just after midnight in Shanghai the first would be yesterday's).
    vi.useFakeTimers({ now: startOfLocalDay(new Date()).getTime() + 12 * 3_600_000, toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    const user = await createTestUser();
    const hr = await createTestUser({ roles: ["HR"] });
    for (let i = 0; i < 3; i++) {
      const s = await startTyping(user.id, "zh");
      // Past the cool-down, still today.
      await db.examAttempt.update({
        where: { id: s.attemptId },
        data: { startedAt: new Date(Date.now() - 20 * 60_000 * (3 - i)) },
      });
    }
    const refused = await startTyping(user.id, "zh").catch((e) => e);
    expect(refused.status).toBe(429);
    expect(refused.messageKey).toBe("exams:err.attemptsToday");
    await grantAttempt(hr.id, user.id, "typing:zh", "network outage during the exam");
    const granted = await startTyping(user.id, "zh");
    expect(granted.token).toBeTruthy();
    const audit = await db.auditLog.findFirstOrThrow({ where: { subjectId: user.id, action: "exam.attempt-granted" } });
    expect(audit.actorId).toBe(hr.id);
    const results = await db.examResult.count({ where: { userId: user.id, exam: "typing:zh" } });
    expect(results).toBe(3); // three abandoned runs, each a failed result
  });
});

describe("drill scoring forgeries", () => {
  // The damaged-parcel scenario card's indicators: only those are scored.
  const CARD = ["communication", "self-management", "understand-needs", "offer-solution"];
  const scores = Object.fromEntries(CARD.map((id) => [id, 4]));
  const today = () => localDay(new Date());

  it("a person holding both trainer and trainee roles cannot score their own drill", async () => {
    const both = await createTestUser({ roles: ["TRAINER", "TRAINEE"] });
    const other = await createTestUser();
    const sitting = await recordSitting(both.id, { day: today(), scenario: "damaged-parcel", traineeIds: [other.id] });
    const own = await scoreDrill(both.id, { traineeId: both.id, sittingId: sitting, scores, notes: "" }).catch(
      (e) => e,
    );
    expect(own.status).toBe(403);
    const ownSitting = await recordSitting(both.id, {
      day: today(),
      scenario: "damaged-parcel",
      traineeIds: [both.id],
    }).catch((e) => e);
    expect(ownSitting.status).toBe(403);
    expect(await db.examResult.count({ where: { userId: both.id, exam: "drill" } })).toBe(0);
  });

  it("a score for someone not recorded present, or by someone no longer a trainer, is refused", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const present = await createTestUser();
    const absent = await createTestUser();
    const sitting = await recordSitting(trainer.id, {
      day: today(),
      scenario: "damaged-parcel",
      traineeIds: [present.id],
    });
    const out = await scoreDrill(trainer.id, { traineeId: absent.id, sittingId: sitting, scores, notes: "" }).catch(
      (e) => e,
    );
    expect(out.status).toBe(400);
    expect(out.messageKey).toBe("exams:err.notPresent");
    await db.userRole.deleteMany({ where: { userId: trainer.id, role: "TRAINER" } });
    const gone = await scoreDrill(trainer.id, { traineeId: present.id, sittingId: sitting, scores, notes: "" }).catch(
      (e) => e,
    );
    expect(gone.status).toBe(403);
  });

  it("a correction is a new version with a reason; the replaced pass no longer counts", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    const sitting = await recordSitting(trainer.id, {
      day: today(),
      scenario: "damaged-parcel",
      traineeIds: [trainee.id],
    });
    const first = await scoreDrill(trainer.id, { traineeId: trainee.id, sittingId: sitting, scores, notes: "" });
    const old = await db.drillScore.findUniqueOrThrow({ where: { resultId: first.resultId } });
    const low = Object.fromEntries(CARD.map((id) => [id, 2]));
    const noReason = await scoreDrill(trainer.id, {
      traineeId: trainee.id,
      sittingId: sitting,
      scores: low,
      notes: "",
      supersedesId: old.id,
    }).catch((e) => e);
    expect(noReason.status).toBe(400);
    const fixed = await scoreDrill(trainer.id, {
      traineeId: trainee.id,
      sittingId: sitting,
      scores: low,
      notes: "",
      supersedesId: old.id,
      reason: "scored the wrong trainee's sheet",
    });
    const v2 = await db.drillScore.findUniqueOrThrow({ where: { resultId: fixed.resultId } });
    expect(v2).toMatchObject({ version: 2, supersedesId: old.id });
    expect(await db.drillScore.findUniqueOrThrow({ where: { id: old.id } })).toEqual(old);
    const drillState = (await readinessFor(trainee.id))!.exams.find((e) => e.exam === "drill");
    expect(drillState?.state).not.toBe("passed");
  });
});
