// The needs survey (decision 033) through its routes on a real SQLite copy: opening a round, each
// refused answer (nothing stored), closing early freezes the results, and the proposals contract.
import { describe, expect, it } from "vitest";
import { localDay, addLocalDays } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { action as answerAction, loader as answerLoader } from "~/routes/needs.$id";
import { action as resultsAction, loader as resultsLoader } from "~/routes/needs.$id_.results";
import { loader as csvLoader } from "~/routes/needs.$id_.results[.]csv";
import { action as openAction, loader as newLoader } from "~/routes/needs.new";
import { action as proposalAction } from "~/routes/needs.proposals";
import { createTestTeam, createTestUser, makeRequest, settle } from "../../fixtures/users";
import { outcome } from "../exams/helpers";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as never;

async function backTeam(members: number) {
  const team = await createTestTeam();
  await db.teamAudience.create({ data: { teamId: team.id, kind: "back" } });
  const people = [];
  for (let i = 0; i < members; i++) people.push(await createTestUser({ roles: ["TRAINEE"], teamId: team.id }));
  return { team, people };
}

async function openBackRound(hrId: number, extra: Record<string, string | string[]> = {}) {
  const request = await makeRequest("/needs/new", {
    userId: hrId,
    form: {
      year: "2027",
      audience: "back",
      closesOn: addLocalDays(localDay(new Date()), 7),
      competency: ["communication", "teamwork", "product-knowledge"],
      free: "Refund rules",
      ...extra,
    },
  });
  const out = outcome(await openAction(args(request)));
  const round = await db.needsRound.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
  const topics = await db.needsTopic.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
  return { out, id: round.id, topics: topics.map((t) => t.id) };
}

async function answer(userId: number, roundId: number, form: Record<string, string | string[]>) {
  const request = await makeRequest(`/needs/${roundId}`, { userId, form });
  return outcome((await settle(() => answerAction(args(request, { id: String(roundId) })))).value);
}

const stored = (roundId: number) => db.needsAnswer.count({ where: { roundId } });

describe("needs survey", () => {
  it("HR opens a round for the back office; only back-office staff are invited, snapshotted", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const { people } = await backTeam(2);
    const front = await createTestUser({ roles: ["TRAINEE"], teamId: (await createTestTeam()).id });
    const { out, id, topics } = await openBackRound(hr.id);
    expect(out.status).toBe(302);
    expect(topics).toHaveLength(4);
    const invites = await db.needsInvite.findMany({ where: { roundId: id }, select: { userId: true } });
    expect(invites.map((i) => i.userId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(invites.some((i) => i.userId === front.id)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "needs.round-opened", objectId: id } })).toBe(1);
  });

  it("refuses a closing date that is not in the future, and a trainee opening a round", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    await backTeam(1);
    const before = await db.needsRound.count();
    const request = await makeRequest("/needs/new", {
      userId: hr.id,
      form: {
        year: "2027",
        audience: "back",
        closesOn: localDay(new Date()),
        competency: ["communication", "teamwork"],
      },
    });
    expect(outcome(await openAction(args(request))).status).toBe(400);
    const trainee = await createTestUser({ roles: ["TRAINEE"] });
    const denied = await settle(async () =>
      openAction(args(await makeRequest("/needs/new", { userId: trainee.id, form: { year: "2027" } }))),
    );
    expect((denied.value as Response).status).toBe(403);
    expect(await db.needsRound.count()).toBe(before);
  });

  it("stores a ranking, lets it be changed, and refuses every bad answer with nothing stored", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const { people } = await backTeam(1);
    const [me] = people;
    const { id, topics } = await openBackRound(hr.id);
    const [a, b, c, d] = topics as [number, number, number, number];

    expect((await answer(me!.id, id, { choice1: String(a), choice2: String(a) })).status).toBe(400);
    expect((await answer(me!.id, id, { choice1: "999999" })).status).toBe(400);
    const four = { choice1: String(a), choice2: String(b), choice3: String(c), choice4: String(d) };
    const tooMany = await answer(me!.id, id, four);
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.error).toBe("needs:err.tooMany");
    expect(await stored(id)).toBe(0);

    expect((await answer(me!.id, id, { choice1: String(b), choice2: String(a) })).status).toBe(302);
    expect((await answer(me!.id, id, { choice1: String(c) })).status).toBe(302);
    const mine = await db.needsAnswer.findMany({ where: { roundId: id }, select: { topicId: true, rank: true } });
    expect(mine).toEqual([{ topicId: c, rank: 1 }]);

    const outsider = await createTestUser({ roles: ["TRAINEE"] });
    expect((await answer(outsider.id, id, { choice1: String(a) })).status).toBe(403);
    const page = await settle(async () =>
      answerLoader(args(await makeRequest(`/needs/${id}`, { userId: outsider.id }), { id: String(id) })),
    );
    expect((page.value as Response).status).toBe(403);
    expect(await stored(id)).toBe(1);
  });

  it("closing early freezes the results: later answers are refused and the figures stay", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const { people } = await backTeam(3);
    const { id, topics } = await openBackRound(hr.id);
    const [a, b, c] = topics as [number, number, number];
    await answer(people[0]!.id, id, { choice1: String(a), choice2: String(b) });
    await answer(people[1]!.id, id, { choice1: String(b), choice2: String(a), choice3: String(c) });

    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const notHr = await settle(async () =>
      resultsAction(
        args(await makeRequest(`/needs/${id}/results`, { userId: trainer.id, form: {} }), { id: String(id) }),
      ),
    );
    expect(outcome(notHr.value).status).toBe(403);

    const close = await settle(async () =>
      resultsAction(args(await makeRequest(`/needs/${id}/results`, { userId: hr.id, form: {} }), { id: String(id) })),
    );
    expect(outcome(close.value).status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "needs.round-closed", objectId: id } })).toBe(1);

    const read = async () =>
      (await resultsLoader(
        args(await makeRequest(`/needs/${id}/results`, { userId: trainer.id }), { id: String(id) }),
      )) as { ranking: { topicId: number; points: number; top: boolean }[]; answered: number; invited: number };
    const before = await read();
    // a and b tie on 5 points, one 1st and one 2nd choice each: the round's order decides.
    expect(before.ranking.slice(0, 3).map((s) => [s.topicId, s.points, s.top])).toEqual([
      [a, 5, true],
      [b, 5, true],
      [c, 1, false],
    ]);
    // Earlier tests' back-office people are invited too: the snapshot holds everyone of the audience.
    expect([before.answered, before.invited]).toEqual([2, await db.needsInvite.count({ where: { roundId: id } })]);

    const late = await answer(people[2]!.id, id, { choice1: String(c) });
    expect(late.status).toBe(409);
    expect(late.data.error).toBe("needs:err.closed");
    const changed = await answer(people[0]!.id, id, { choice1: String(c) });
    expect(changed.status).toBe(409);
    expect(await read()).toEqual(before);

    const again = await settle(async () =>
      resultsAction(args(await makeRequest(`/needs/${id}/results`, { userId: hr.id, form: {} }), { id: String(id) })),
    );
    expect(outcome(again.value).status).toBe(409);

    const csv = (await csvLoader(
      args(await makeRequest(`/needs/${id}/results.csv`, { userId: hr.id }), { id: String(id) }),
    )) as Response;
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\n").filter(Boolean)).toHaveLength(1 + topics.length);

    const trainee = await createTestUser({ roles: ["TRAINEE"] });
    const denied = await settle(async () =>
      resultsLoader(args(await makeRequest(`/needs/${id}/results`, { userId: trainee.id }), { id: String(id) })),
    );
    expect((denied.value as Response).status).toBe(403);
  });
});

describe("POST /needs/proposals", () => {
  const post = async (userId: number, form: Record<string, string | string[]>) =>
    outcome(
      (await settle(async () => proposalAction(args(await makeRequest("/needs/proposals", { userId, form }))))).value,
    );

  it("takes a lead's proposal for their own team, refuses another team's, and a round consumes it", async () => {
    const team = await createTestTeam();
    const other = await createTestTeam();
    const lead = await createTestUser({ roles: ["LEAD"], teamId: team.id });
    await db.team.update({ where: { id: team.id }, data: { leads: { connect: { id: lead.id } } } });
    await db.needsProposal.updateMany({ where: { roundId: null }, data: { roundId: null } });

    const ok = await post(lead.id, {
      teamId: String(team.id),
      competency: ["it-application"],
      redirectTo: "/competency",
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/competency");
    const evil = await post(lead.id, {
      teamId: String(team.id),
      competency: ["teamwork"],
      redirectTo: "https://evil.test/",
    });
    expect(evil.location).toBe("/needs");

    expect((await post(lead.id, { teamId: String(other.id), competency: ["teamwork"] })).status).toBe(403);
    expect((await post(lead.id, { teamId: String(team.id), competency: ["a", "b", "c"] })).status).toBe(400);
    expect((await post(lead.id, { teamId: String(team.id), competency: ["nope"] })).status).toBe(400);
    const trainee = await createTestUser({ roles: ["TRAINEE"] });
    expect((await post(trainee.id, { teamId: String(team.id), competency: ["teamwork"] })).status).toBe(403);
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    expect((await post(trainer.id, { teamId: String(other.id), competency: ["self-management"] })).status).toBe(302);

    const hr = await createTestUser({ roles: ["HR"] });
    const form = (await newLoader(args(await makeRequest("/needs/new", { userId: hr.id })))) as {
      competencies: { id: string; ticked: boolean; proposedBy: string[] }[];
    };
    const it = form.competencies.find((c) => c.id === "it-application")!;
    expect(it.ticked).toBe(true);
    expect(it.proposedBy).toContain(team.name);

    await backTeam(1);
    const { id } = await openBackRound(hr.id, { competency: ["it-application", "teamwork"] });
    expect(await db.needsProposal.count({ where: { roundId: null } })).toBe(0);
    const topic = await db.needsTopic.findFirstOrThrow({ where: { roundId: id, competency: "it-application" } });
    expect(topic.source).toBe("proposal");
  });
});
