// From a needs round to a course project: HR's link on a top need opens the new-project form
// filled with the need, the project keeps the reference, and its page links back to the results.
import { describe, expect, it } from "vitest";
import { addLocalDays, localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { needRefOf, needResultsPath } from "~/needs/need-ref";
import { action as newProjectAction, loader as newProjectLoader } from "~/routes/development.new";
import { action as answerAction } from "~/routes/needs.$id";
import { loader as resultsLoader } from "~/routes/needs.$id_.results";
import { action as openAction } from "~/routes/needs.new";
import { createTestTeam, createTestUser, makeRequest, settle } from "../../fixtures/users";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as never;

describe("a top need becomes a course project", () => {
  it("pre-fills the project with the need and its reference, which links back to the round", async () => {
    const hr = await createTestUser({ roles: ["HR"] });
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const team = await createTestTeam();
    await db.teamAudience.create({ data: { teamId: team.id, kind: "back" } });
    const staff = await createTestUser({ roles: ["TRAINEE"], teamId: team.id });
    const form = {
      year: "2027",
      audience: "back",
      closesOn: addLocalDays(localDay(new Date()), 7),
      competency: ["communication", "teamwork"],
      free: "Refund rules",
    };
    await settle(async () => openAction(args(await makeRequest("/needs/new", { userId: hr.id, form }))));
    const round = await db.needsRound.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    const refund = await db.needsTopic.findFirstOrThrow({ where: { roundId: round.id, label: "Refund rules" } });
    const params = { id: String(round.id) };
    await settle(async () =>
      answerAction(
        args(
          await makeRequest(`/needs/${round.id}`, { userId: staff.id, form: { choice1: String(refund.id) } }),
          params,
        ),
      ),
    );

    type Results = { startsProjects: boolean; ranking: { topicId: number; top: boolean }[] };
    const asHr = (await resultsLoader(
      args(await makeRequest(`/needs/${round.id}/results`, { userId: hr.id }), params),
    )) as Results;
    expect(asHr.startsProjects).toBe(true);
    expect(asHr.ranking.find((s) => s.topicId === refund.id)?.top).toBe(true);
    const asTrainer = (await resultsLoader(
      args(await makeRequest(`/needs/${round.id}/results`, { userId: trainer.id }), params),
    )) as Results;
    expect(asTrainer.startsProjects).toBe(false);

    const ref = needRefOf(round.id, refund.id);
    const query = new URLSearchParams({ need: "Refund rules", needRef: ref });
    const opened = (await newProjectLoader(
      args(await makeRequest(`/development/new?${query.toString()}`, { userId: hr.id })),
    )) as { prefill: { need: string; needRef: string } };
    expect(opened.prefill).toEqual({ need: "Refund rules", needRef: ref });
    const junk = (await newProjectLoader(
      args(await makeRequest(`/development/new?needRef=${"x".repeat(300)}`, { userId: hr.id })),
    )) as { prefill: { need: string; needRef: string } };
    expect(junk.prefill).toEqual({ need: "", needRef: "" });

    const project = {
      title: "退款规则",
      format: "m30",
      need: opened.prefill.need,
      needRef: opened.prefill.needRef,
      "member0.user": String(trainer.id),
      "member0.role": "chair",
    };
    await settle(async () =>
      newProjectAction(args(await makeRequest("/development/new", { userId: hr.id, form: project }))),
    );
    const made = await db.courseProject.findFirstOrThrow({
      where: { needRef: ref },
      select: { need: true, needRef: true },
    });
    expect(made.need).toBe("Refund rules");
    expect(needResultsPath(made.needRef)).toBe(`/needs/${round.id}/results`);
  });
});
