// A demo needs survey (decision 033): one open front-line round with a few answers. The demo
// teams all work the phones and chat, so none is marked back office. Idempotent: nothing is added
// once a round exists.
import { addLocalDaysAt } from "../../app/lib/clock";
import type { Db } from "../../app/lib/db.server";

export async function seedNeeds(db: Db): Promise<number> {
  if (await db.needsRound.findFirst({ select: { id: true } })) return 0;
  const hr = await db.user.findUnique({ where: { email: "hr@weike.test" }, select: { id: true } });
  if (!hr) return 0;
  const backIds = new Set(
    (await db.teamAudience.findMany({ where: { kind: "back" }, select: { teamId: true } })).map((t) => t.teamId),
  );
  const people = (
    await db.user.findMany({
      where: { active: true, roles: { some: { role: { in: ["TRAINEE", "LEAD"] } } } },
      select: { id: true, teamId: true },
      orderBy: { id: "asc" },
    })
  ).filter((p) => p.teamId === null || !backIds.has(p.teamId));
  const invited = people.filter((p) => p.teamId !== null);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const round = await tx.needsRound.create({
      data: { year: now.getUTCFullYear() + 1, audience: "front", closesAt: addLocalDaysAt(now, 14), openedById: hr.id },
      select: { id: true },
    });
    const competencies = ["communication", "understand-needs", "offer-solution", "product-knowledge", "it-application"];
    const topics: { id: number }[] = [];
    for (const [i, competency] of competencies.entries()) {
      topics.push(
        await tx.needsTopic.create({
          data: { roundId: round.id, position: i + 1, competency, source: "model" },
          select: { id: true },
        }),
      );
    }
    await tx.needsInvite.createMany({
      data: invited.map((p) => ({ roundId: round.id, userId: p.id, teamId: p.teamId, audience: "front" })),
    });
    // About two in three have answered, with rankings that put communication and needs first.
    const patterns = [
      [0, 1, 2],
      [1, 0, 3],
      [0, 2],
      [1, 0, 4],
    ];
    let answered = 0;
    for (const [i, p] of invited.entries()) {
      if (i % 3 === 2) continue;
      const pattern = patterns[i % patterns.length] ?? [0];
      await tx.needsAnswer.createMany({
        data: pattern.map((t, rank) => ({
          roundId: round.id,
          userId: p.id,
          rank: rank + 1,
          topicId: topics[t]!.id,
          teamId: p.teamId,
          audience: "front",
        })),
      });
      await tx.needsInvite.update({
        where: { roundId_userId: { roundId: round.id, userId: p.id } },
        data: { answered: true },
      });
      answered++;
    }
    return answered;
  });
}
