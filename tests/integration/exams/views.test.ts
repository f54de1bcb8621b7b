import { describe, expect, it } from "vitest";
import { getBank } from "~/exams/quiz.server";
import { itemAnalysis } from "~/exams/trainer.server";
import { db } from "~/lib/db.server";
import { loader as historyLoader } from "~/routes/exams.history.$userId";
import { loader as cohortLoader } from "~/routes/exams.readiness";
import { loader as resultLoader } from "~/routes/exams.results.$id";
import { at, take } from "../../fixtures/lists";
import { createTestTeam, createTestUser, makeRequest, settle } from "../../fixtures/users";

const result = (userId: number, exam: string, passed: boolean, score = 1, figures = "{}") =>
  db.examResult.create({ data: { userId, exam, passed, valid: true, score, figures }, select: { id: true } });

describe("who sees what", () => {
  it("a trainee sees their own history and results, not someone else's; a trainer sees both", async () => {
    const me = await createTestUser();
    const other = await createTestUser();
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const mine = await result(me.id, "typing:zh", true, 88);
    const theirs = await result(other.id, "typing:zh", false, 50);
    const call = async (
      fn: typeof historyLoader | typeof resultLoader,
      path: string,
      userId: number,
      params: Record<string, string>,
    ) => settle(async () => fn({ request: await makeRequest(path, { userId }), params, context: {} } as never));

    const own = await call(historyLoader, `/exams/history/${me.id}`, me.id, { userId: String(me.id) });
    expect(own.thrown).toBe(false);
    const series = (own.value as { series: { exam: string; points: { value: number }[] }[] }).series;
    expect(series.find((s) => s.exam === "typing:zh")?.points[0]?.value).toBe(88);
    const foreign = await call(historyLoader, `/exams/history/${other.id}`, me.id, { userId: String(other.id) });
    expect((foreign.value as Response).status).toBe(403);
    expect(
      ((await call(resultLoader, `/exams/results/${theirs.id}`, me.id, { id: String(theirs.id) })).value as Response)
        .status,
    ).toBe(403);
    expect((await call(resultLoader, `/exams/results/${mine.id}`, me.id, { id: String(mine.id) })).thrown).toBe(false);
    expect(
      (await call(historyLoader, `/exams/history/${other.id}`, trainer.id, { userId: String(other.id) })).thrown,
    ).toBe(false);
    expect(
      (await call(resultLoader, `/exams/results/${theirs.id}`, trainer.id, { id: String(theirs.id) })).thrown,
    ).toBe(false);
  });

  it("the cohort view lists a team's trainees with what each is missing", async () => {
    const team = await createTestTeam();
    const ready = await createTestUser({ teamId: team.id, name: "Ready One" });
    const partial = await createTestUser({ teamId: team.id, name: "Partial Two" });
    await createTestUser({ teamId: null, name: "Elsewhere" });
    for (const exam of [
      "typing:zh",
      "response",
      "quick-reply",
      "quiz:big-sale-knowledge",
      "quiz:product-skincare",
      "drill",
    ])
      await result(ready.id, exam, true);
    await result(partial.id, "typing:zh", false);
    const hr = await createTestUser({ roles: ["HR"] });
    const data = (await cohortLoader({
      request: await makeRequest(`/exams/readiness?team=${team.id}`, { userId: hr.id }),
      params: {},
      context: {},
    } as never)) as {
      cohort: {
        ready: number;
        people: {
          name: string;
          readiness: { ready: boolean; exams: { exam: string; state: string; attempted?: boolean }[] };
        }[];
      };
    };
    expect(data.cohort.people.map((p) => p.name)).toEqual(["Partial Two", "Ready One"]);
    expect(data.cohort.ready).toBe(1);
    const p = at(data.cohort.people, 0).readiness;
    expect(p.ready).toBe(false);
    expect(p.exams[0]).toMatchObject({ exam: "typing:zh", state: "missing", attempted: true });
    expect(p.exams[1]).toMatchObject({ exam: "response", state: "missing", attempted: false });
  });

  it("item analysis counts each question among the attempts that drew it", async () => {
    const bank = await getBank("big-sale-knowledge");
    const [q1, q2] = take(
      bank.questions.map((q) => q.id),
      2,
    );
    await db.examResult.deleteMany({ where: { exam: "quiz:big-sale-knowledge" } }); // this file's earlier rows
    const users = await Promise.all([0, 1, 2].map(() => createTestUser()));
    await result(
      at(users, 0).id,
      "quiz:big-sale-knowledge",
      true,
      100,
      JSON.stringify({ items: { [q1]: true, [q2]: true } }),
    );
    await result(
      at(users, 1).id,
      "quiz:big-sale-knowledge",
      false,
      50,
      JSON.stringify({ items: { [q1]: true, [q2]: false } }),
    );
    await result(at(users, 2).id, "quiz:big-sale-knowledge", false, 0, JSON.stringify({ items: { [q1]: false } }));
    const a = await itemAnalysis(bank);
    expect(a.attempts).toBe(3);
    const s1 = a.items.find((i) => i.questionId === q1)!;
    const s2 = a.items.find((i) => i.questionId === q2)!;
    expect(s1).toMatchObject({ attempts: 3, pCorrect: 0.6667, discrimination: 1 });
    expect(s2).toMatchObject({ attempts: 2, pCorrect: 0.5, discrimination: null });
  });
});
