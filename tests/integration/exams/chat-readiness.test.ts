import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkExamContent } from "~/exams/content-check.server";
import { answerQuickReply, startQuickReply } from "~/exams/quick-reply.server";
import { readinessFor } from "~/exams/readiness.server";
import { finishResponse, replyResponse, startResponse } from "~/exams/response.server";
import { db } from "~/lib/db.server";
import { loader as csvLoader } from "~/routes/exams.readiness[.csv]";
import { action as responseAction } from "~/routes/exams.response";
import { createTestTeam, createTestUser, makeRequest } from "../../fixtures/users";
import { outcome, resultsSnapshot } from "./helpers";

// Ties between scripts not taken yet go to the first in name order: courier-delay, whose replies
// are written below.
const FIRST_SCRIPT = () => 0;

const REPLIES: Record<string, string> = {
  m1: "您好，请提供一下订单号，我马上帮您查询。",
  m2: "/fh1",
  m3: "非常理解您着急，/kd2",
  m4: "/th1",
  m5: "/fp1",
  m6: "感谢您的耐心，祝您生活愉快！",
};

async function attemptStart(attemptId: number) {
  return (await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).startedAt.getTime();
}

describe("response-time drill", () => {
  it("times each reply from the server's release stamp and checks the required facts", async () => {
    const user = await createTestUser();
    const s = await startResponse(user.id, FIRST_SCRIPT);
    const t0 = await attemptStart(s.attemptId);
    let current = s.message.id;
    let at = t0;
    let out;
    for (const wait of [10_000, 20_000, 15_000, 5_000, 30_000, 10_000]) {
      at += wait;
      const reply = REPLIES[current];
      if (reply === undefined) throw new Error(`no reply written for message ${current}`);
      out = await replyResponse(user.id, s.token, current, reply, new Date(at));
      if (!out.done) current = out.next.id;
    }
    expect(out!.done).toBe(true);
    const result = await db.examResult.findUniqueOrThrow({ where: { id: (out as { resultId: number }).resultId } });
    const f = JSON.parse(result.figures);
    // Times 10, 20, 15, 5, 30, 10: mean 15, median 12.5, p90 30.
    expect(f).toMatchObject({ first: 10, mean: 15, median: 12.5, p90: 30, completeness: 1 });
    expect(result.passed).toBe(true);
  });

  it("refuses a reply to a message not yet released, and one to an answered message", async () => {
    const user = await createTestUser();
    const start = outcome(
      await responseAction({
        request: await makeRequest("/exams/response", { userId: user.id, form: { intent: "start" } }),
        params: {},
        context: {},
      } as never),
    );
    const { token } = start.data.started as { token: string };
    const reply = async (item: string, text: string) =>
      outcome(
        await responseAction({
          request: await makeRequest("/exams/response", {
            userId: user.id,
            form: { intent: "reply", token, item, text },
          }),
          params: {},
          context: {},
        } as never),
      );
    const early = await reply("m3", "提前回复");
    expect(early.status).toBe(400);
    expect(early.data.error).toBe("exams:err.notReleased");
    expect((await reply("m1", "您好，请提供订单号")).status).toBe(200);
    const twice = await reply("m1", "您好");
    expect(twice.status).toBe(409);
    const events = await db.examEvent.findMany({
      where: { attempt: { userId: user.id } },
      orderBy: { seq: "asc" },
      select: { type: true, ref: true },
    });
    expect(events).toEqual([
      { type: "release", ref: "m1" },
      { type: "reply", ref: "m1" },
      { type: "release", ref: "m2" },
    ]);
  });

  it("ending early counts the messages left as incomplete", async () => {
    const user = await createTestUser();
    const s = await startResponse(user.id, FIRST_SCRIPT);
    const t0 = await attemptStart(s.attemptId);
    await replyResponse(user.id, s.token, "m1", "您好，请告诉我订单号", new Date(t0 + 8000));
    const id = await finishResponse(user.id, s.token, new Date(t0 + 20_000));
    const f = JSON.parse((await db.examResult.findUniqueOrThrow({ where: { id } })).figures);
    expect(f.total).toBe(6);
    expect(f.answered).toBe(1);
    expect(f.completeness).toBeCloseTo(1 / 6, 3);
    // 8 s for m1; m2 (out when the drill ended) and the four never released count the whole
    // 600-s limit: (8 + 5 × 600) / 6.
    expect(f.mean).toBe(501.33);
  });
});

describe("quick-reply test", () => {
  it("accepts the shortcut or the full phrase and scores the share right", async () => {
    const user = await createTestUser();
    const s = await startQuickReply(user.id);
    const setup = JSON.parse((await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).setup) as {
      items: { id: string; shortcut: string; text: string }[];
    };
    const t0 = await attemptStart(s.attemptId);
    let out;
    for (const [i, item] of setup.items.entries()) {
      const answer = i === 0 ? "/zz9" : i % 2 ? `/${item.shortcut}` : item.text;
      out = await answerQuickReply(user.id, s.token, item.id, answer, new Date(t0 + (i + 1) * 5000));
    }
    expect(out!.done).toBe(true);
    const result = await db.examResult.findUniqueOrThrow({ where: { id: (out as { resultId: number }).resultId } });
    const f = JSON.parse(result.figures);
    expect(f.correct).toBe(setup.items.length - 1);
    expect(f.meanSeconds).toBe(5);
    expect(JSON.parse(result.misses)[0].expected).toBe(`/${setup.items[0]?.shortcut}`);
  });
});

describe("readiness", () => {
  it("becomes ready when every exam of the plan has a valid pass; an invalid pass does not count", async () => {
    const team = await createTestTeam();
    const user = await createTestUser({ teamId: team.id });
    const plan = ["typing:zh", "response", "quick-reply", "quiz:big-sale-knowledge", "quiz:product-skincare", "drill"];
    expect((await readinessFor(user.id))!.exams.map((e) => e.exam)).toEqual(plan);
    const add = (exam: string, passed = true, valid = true) =>
      db.examResult.create({ data: { userId: user.id, exam, passed, valid, score: 1, figures: "{}" } });
    for (const exam of plan.slice(0, 5)) await add(exam);
    await add("drill", true, false);
    let r = (await readinessFor(user.id))!;
    expect(r.ready).toBe(false);
    expect(r.exams.find((e) => e.exam === "drill")).toMatchObject({ state: "missing", attempted: true });
    await add("drill");
    r = (await readinessFor(user.id))!;
    expect(r.ready).toBe(true);

    const hr = await createTestUser({ roles: ["HR"] });
    const res = (await csvLoader({
      request: await makeRequest(`/exams/readiness.csv?team=${team.id}`, {
        userId: hr.id,
        headers: { "Accept-Language": "en" },
      }),
      params: {},
      context: {},
    } as never)) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe(
      "Name,Employee no.,Team,Ready for duty,Chinese typing speed,Average response time,Quick replies,Big-sale knowledge test,Product and skincare written test,One-on-one drill",
    );
    expect(text).toContain(`${user.name},`);
    expect(text.split("\r\n")[1]).toContain(",yes,");
  });
});

describe("content checker", () => {
  it("rejects an empty passage and an empty question bank with path:line messages", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "exams-content-"));
    cpSync(path.resolve("content/exams"), path.join(dir, "exams"), { recursive: true });
    cpSync(path.resolve("content/faq"), path.join(dir, "faq"), { recursive: true });
    writeFileSync(
      path.join(dir, "exams/typing/en.yaml"),
      'passages:\n  - id: en-x\n    lang: en\n    title: { zh: 空, en: Empty }\n    text: ""\n',
    );
    writeFileSync(
      path.join(dir, "exams/banks/big-sale-knowledge.yaml"),
      "id: big-sale-knowledge\ntitle: { zh: 空, en: Empty }\ndraw: 1\ntimeLimitMinutes: 5\nquestions: []\n",
    );
    const problems = await checkExamContent(dir);
    const lines = problems.map((p) => `${path.basename(p.path)}:${p.line}: ${p.message}`);
    expect(lines).toContain("en.yaml:5: passages.0.text: passage must be at least 50 characters");
    expect(lines).toContain("big-sale-knowledge.yaml:5: questions: a question bank must not be empty");
    expect(lines.some((l) => l.startsWith("plan.yaml:") && l.includes('no question bank "big-sale-knowledge"'))).toBe(
      true,
    );
    expect(await checkExamContent(path.resolve("content"))).toEqual([]);
    expect(await resultsSnapshot()).toBeDefined();
  });
});
