// Refused needs answers leave what a person answered before exactly as it was (issue 14, "bad
// input"): a ranking that names one need twice, and an answer once the closing day has passed —
// the round closing by its date, not by HR's button (needs.test.ts covers that one).
import { describe, expect, it } from "vitest";
import { addLocalDays, localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { serverT } from "~/lib/i18n/instance";
import { action as answerAction } from "~/routes/needs.$id";
import { action as openAction } from "~/routes/needs.new";
import { createTestTeam, createTestUser, makeRequest, settle } from "../../fixtures/users";
import { outcome } from "../exams/helpers";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as never;

async function openRound() {
  const hr = await createTestUser({ roles: ["HR"] });
  const team = await createTestTeam();
  await db.teamAudience.create({ data: { teamId: team.id, kind: "back" } });
  const people = [
    await createTestUser({ roles: ["TRAINEE"], teamId: team.id }),
    await createTestUser({ roles: ["TRAINEE"], teamId: team.id }),
  ];
  const request = await makeRequest("/needs/new", {
    userId: hr.id,
    form: {
      year: "2027",
      audience: "back",
      closesOn: addLocalDays(localDay(new Date()), 7),
      competency: ["communication", "teamwork"],
      free: "Refund rules",
    },
  });
  expect(outcome(await openAction(args(request))).status).toBe(302);
  const round = await db.needsRound.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
  const topics = await db.needsTopic.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
  return { id: round.id, topics: topics.map((t) => String(t.id)), people };
}

async function answer(userId: number, roundId: number, form: Record<string, string>) {
  const request = await makeRequest(`/needs/${roundId}`, { userId, form });
  return outcome((await settle(() => answerAction(args(request, { id: String(roundId) })))).value);
}

const rows = (roundId: number) =>
  db.needsAnswer.findMany({
    where: { roundId },
    select: { userId: true, topicId: true, rank: true },
    orderBy: [{ userId: "asc" }, { rank: "asc" }],
  });

const en = (key: string) => {
  const text = (serverT("en", "needs") as unknown as (k: string) => string)(key.replace(/^needs:/, ""));
  expect(text).not.toBe(key.replace(/^needs:/, ""));
  return text;
};

describe("refused needs answers change nothing", () => {
  it("ranking the same need twice: 400 with the message; the earlier answer stays", async () => {
    const { id, topics, people } = await openRound();
    const [a, b] = topics as [string, string];
    const me = people[0]!;
    expect((await answer(me.id, id, { choice1: a, choice2: b })).status).toBe(302);
    const before = await rows(id);
    const duplicates: Record<string, string>[] = [
      { choice1: b, choice2: b },
      { choice1: a, choice3: a },
    ];
    for (const twice of duplicates) {
      const r = await answer(me.id, id, twice);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.data)).toContain("needs:err.duplicate");
    }
    expect(en("needs:err.duplicate").length).toBeGreaterThan(10);
    expect(await rows(id)).toEqual(before);
    expect(before).toHaveLength(2);
  });

  it("an answer after the closing day has passed: 409 with the message; answers and counts unchanged", async () => {
    const { id, topics, people } = await openRound();
    const [a, b] = topics as [string, string];
    const [early, late] = [people[0]!, people[1]!];
    expect((await answer(early.id, id, { choice1: a })).status).toBe(302);
    // The closing day ended a minute ago; HR never pressed the button.
    await db.needsRound.update({ where: { id }, data: { closesAt: new Date(Date.now() - 60_000) } });
    const before = await rows(id);
    const fresh = await answer(late.id, id, { choice1: b });
    expect(fresh.status).toBe(409);
    expect(fresh.data.error).toBe("needs:err.closed");
    expect(en("needs:err.closed").length).toBeGreaterThan(10);
    const changed = await answer(early.id, id, { choice1: b });
    expect(changed.status).toBe(409);
    expect(await rows(id)).toEqual(before);
    expect(before).toEqual([{ userId: early.id, topicId: Number(a), rank: 1 }]);
    const round = await db.needsRound.findUniqueOrThrow({ where: { id }, select: { closedAt: true } });
    expect(round.closedAt).toBeNull();
  });
});
