import { describe, expect, it } from "vitest";
import type { Question } from "~/exams/content";
import { getBank, saveQuizAnswers, startQuiz, submitQuiz } from "~/exams/quiz.server";
import { INDICATOR_IDS } from "~/exams/scoring/rubric";
import { recordSitting } from "~/exams/trainer.server";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { action as drillAction } from "~/routes/exams.drills";
import { action as quizAction } from "~/routes/exams.quiz.$id";
import { at } from "../../fixtures/lists";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { ageAttempt, outcome, resultsSnapshot } from "./helpers";

const BANK = "big-sale-knowledge";

function rightAnswer(q: Question): string | string[] {
  switch (q.type) {
    case "single":
      return q.answer;
    case "multiple":
      return q.answer;
    case "truefalse":
      return String(q.answer);
    case "short":
      return q.keywords.map((g) => g[0]).join("，");
  }
}

async function drawn(attemptId: number) {
  const a = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { setup: true } });
  return (JSON.parse(a.setup) as { questionIds: string[] }).questionIds;
}

describe("knowledge quiz", () => {
  it("grades a full right submission through the route and refuses a retake during the cooldown", async () => {
    const user = await createTestUser();
    const bank = await getBank(BANK);
    const startRes = outcome(
      await quizAction({
        request: await makeRequest(`/exams/quiz/${BANK}`, { userId: user.id, form: { intent: "start" } }),
        params: { id: BANK },
        context: {},
      } as never),
    );
    expect(startRes.status).toBe(200);
    const { token, questions } = startRes.data as { token: string; questions: { id: string }[] };
    expect(questions).toHaveLength(bank.draw);
    expect(JSON.stringify(questions)).not.toContain("explanation");
    const form: Record<string, string | string[]> = { intent: "submit", token, percent: "100" };
    for (const q of questions) form[`a.${q.id}`] = rightAnswer(bank.questions.find((b) => b.id === q.id)!);
    const res = outcome(
      await quizAction({
        request: await makeRequest(`/exams/quiz/${BANK}`, { userId: user.id, form }),
        params: { id: BANK },
        context: {},
      } as never),
    );
    expect(res.status).toBe(302);
    const result = await db.examResult.findFirstOrThrow({ where: { userId: user.id } });
    expect(result).toMatchObject({ exam: `quiz:${BANK}`, score: 100, passed: true });

    const again = outcome(
      await quizAction({
        request: await makeRequest(`/exams/quiz/${BANK}`, { userId: user.id, form: { intent: "start" } }),
        params: { id: BANK },
        context: {},
      } as never),
    );
    expect(again.status).toBe(429);
    expect(again.data.error).toBe("exams:err.cooldown");
  });

  it("refuses answers to questions outside the draw; the attempt stays open and nothing is scored", async () => {
    const user = await createTestUser();
    const bank = await getBank(BANK);
    const s = await startQuiz(user.id, bank);
    const ids = await drawn(s.attemptId);
    const outside = bank.questions.find((q) => !ids.includes(q.id))!;
    const before = await resultsSnapshot();
    await expect(
      submitQuiz(
        user.id,
        BANK,
        s.token,
        new Map([
          [at(ids, 0), "a"],
          [outside.id, "b"],
        ]),
      ),
    ).rejects.toMatchObject({ messageKey: "exams:err.notInDraw", status: 400 });
    await expect(saveQuizAnswers(user.id, BANK, s.token, new Map([[outside.id, "b"]]))).rejects.toMatchObject({
      status: 400,
    });
    expect(await resultsSnapshot()).toEqual(before);
    expect((await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })).status).toBe("open");
  });

  it("keeps one attempt at a time: starting again continues it with a fresh token, the old one stops working", async () => {
    const user = await createTestUser();
    const bank = await getBank(BANK);
    const a = await startQuiz(user.id, bank);
    const b = await startQuiz(user.id, bank);
    expect(b.attemptId).toBe(a.attemptId);
    expect(b.resumed).toBe(true);
    await expect(submitQuiz(user.id, BANK, a.token, new Map())).rejects.toMatchObject({ status: 400 });
    const other = await createTestUser();
    await expect(submitQuiz(other.id, BANK, b.token, new Map())).rejects.toMatchObject({
      messageKey: "exams:err.tokenOther",
      status: 403,
    });
  });

  it("answers after the time limit do not count; answers saved in time do", async () => {
    const user = await createTestUser();
    const bank = await getBank(BANK);
    const s = await startQuiz(user.id, bank);
    const ids = await drawn(s.attemptId);
    const q0 = bank.questions.find((q) => q.id === ids[0])!;
    await saveQuizAnswers(user.id, BANK, s.token, new Map([[q0.id, rightAnswer(q0)]]));
    // The limit passes (15 minutes), then everything right arrives at once.
    await ageAttempt(s.attemptId, 16 * 60_000);
    const all = new Map(ids.map((id) => [id, rightAnswer(bank.questions.find((q) => q.id === id)!)]));
    const out = await submitQuiz(user.id, BANK, s.token, all);
    expect(out.figures.correct).toBe(1);
    const result = await db.examResult.findUniqueOrThrow({ where: { id: out.resultId } });
    expect(JSON.parse(result.figures).late).toBe(true);
    expect(result.passed).toBe(false);
  });
});

describe("one-on-one drill scoring", () => {
  // The damaged-parcel scenario card names these; the form shows and scores only them.
  const CARD = ["communication", "self-management", "understand-needs", "offer-solution"];
  let sittingId = 0;
  const sitting = async (trainerId: number, traineeId: number) => {
    sittingId = await recordSitting(trainerId, {
      day: localDay(new Date()),
      scenario: "damaged-parcel",
      traineeIds: [traineeId],
    });
  };
  const form = (traineeId: number, override: Record<string, string> = {}) => {
    const f: Record<string, string> = {
      traineeId: String(traineeId),
      sittingId: String(sittingId),
      notes: "开场安抚到位",
    };
    for (const id of CARD) f[`s.${id}`] = "4";
    return { ...f, ...override };
  };

  it("stores the score weighted over the card's indicators only", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    await sitting(trainer.id, trainee.id);
    const res = outcome(
      await drillAction({
        request: await makeRequest("/exams/drills", {
          userId: trainer.id,
          form: form(trainee.id, { "s.communication": "5", weighted: "5" }),
        }),
        params: {},
        context: {},
      } as never),
    );
    expect(res.status).toBe(302);
    const result = await db.examResult.findFirstOrThrow({
      where: { userId: trainee.id, exam: "drill" },
      include: { drill: true },
    });
    // 4 + 11.55 × 1 / (11.55 + 10.10 + 10.35 + 9.98) = 4.275…: the card's weights, not all eleven.
    expect(result.score).toBe(4.28);
    expect(JSON.parse(result.figures)).toMatchObject({ indicators: CARD, scenario: { id: "damaged-parcel" } });
    expect(result.passed).toBe(true);
    expect(result.drill?.trainerId).toBe(trainer.id);
  });

  it("refuses a score outside 1–5 or a missing indicator with 400, writing nothing", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    await sitting(trainer.id, trainee.id);
    const before = await resultsSnapshot();
    for (const bad of [
      { "s.communication": "6" },
      { "s.communication": "0" },
      { "s.communication": "2.5" },
      { "s.communication": "" },
    ]) {
      const res = outcome(
        await drillAction({
          request: await makeRequest("/exams/drills", { userId: trainer.id, form: form(trainee.id, bad) }),
          params: {},
          context: {},
        } as never),
      );
      expect(res.status).toBe(400);
      expect((res.data.errors as Record<string, string>)["s.communication"]).toMatch(/^exams:err\.rubric/);
    }
    expect(await resultsSnapshot()).toEqual(before);
  });

  it("refuses a score for an indicator not on the sitting's card, writing nothing", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    await sitting(trainer.id, trainee.id);
    const before = await resultsSnapshot();
    // Every one of the eleven posted, as the old form did: the seven off the card are refused.
    const all = Object.fromEntries(INDICATOR_IDS.map((id) => [`s.${id}`, "4"]));
    const res = outcome(
      await drillAction({
        request: await makeRequest("/exams/drills", { userId: trainer.id, form: form(trainee.id, all) }),
        params: {},
        context: {},
      } as never),
    );
    expect(res.status).toBe(400);
    const errors = res.data.errors as Record<string, string>;
    expect(errors["s.teamwork"]).toBe("exams:err.rubricNotOnCard");
    expect(Object.keys(errors).sort()).toEqual(
      INDICATOR_IDS.filter((id) => !CARD.includes(id))
        .map((id) => `s.${id}`)
        .sort(),
    );
    expect(await resultsSnapshot()).toEqual(before);
  });

  it("a trainee cannot score drills", async () => {
    const trainee = await createTestUser();
    const thrown = await drillAction({
      request: await makeRequest("/exams/drills", { userId: trainee.id, form: form(trainee.id) }),
      params: {},
      context: {},
    } as never).catch((e) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
  });
});
