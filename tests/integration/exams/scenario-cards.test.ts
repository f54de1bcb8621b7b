// Scenario cards for the one-on-one drill: validated like other exam content, chosen when a
// sitting is recorded, and deciding which indicators the trainer's form shows and scores.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadExamContent } from "~/exams/content-load.server";
import { INDICATOR_IDS } from "~/exams/scoring/rubric";
import { recordSitting, scoreDrill } from "~/exams/trainer.server";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { loader as drillsLoader } from "~/routes/exams.drills";
import { createTestUser, makeRequest } from "../../fixtures/users";

function contentCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "scenario-cards-"));
  cpSync(path.resolve("content/exams"), path.join(dir, "exams"), { recursive: true });
  cpSync(path.resolve("content/faq"), path.join(dir, "faq"), { recursive: true });
  cpSync(path.resolve("content/policy.yaml"), path.join(dir, "policy.yaml"));
  return dir;
}

const card = (id: string, extra: string) =>
  `id: ${id}\ntitle: { zh: 测试, en: Test }\ncustomer: 张女士\nsituation: 客户来电询问订单。\n${extra}`;

describe("scenario cards as content", () => {
  it("the shipped cards are valid and each names 2–5 of the eleven indicators", async () => {
    const c = await loadExamContent(path.resolve("content"));
    expect(c.problems).toEqual([]);
    expect(c.scenarios.length).toBeGreaterThanOrEqual(4);
    for (const s of c.scenarios) {
      expect(s.indicators.length).toBeGreaterThanOrEqual(2);
      expect(s.indicators.length).toBeLessThanOrEqual(5);
      for (const i of s.indicators) expect(INDICATOR_IDS).toContain(i);
    }
  });

  it("a card with an unknown indicator, too many indicators or a forbidden phrase is reported path:line and skipped", async () => {
    const dir = contentCopy();
    const at = (f: string) => path.join(dir, "exams/scenarios", f);
    writeFileSync(at("bad-id.yaml"), card("bad-id", "goals: [安抚客户]\nindicators: [communication, mind-reading]\n"));
    writeFileSync(
      at("all-eleven.yaml"),
      card("all-eleven", `goals: [安抚客户]\nindicators: [${INDICATOR_IDS.join(", ")}]\n`),
    );
    writeFileSync(
      at("promise.yaml"),
      card("promise", "goals:\n  - 告诉客户48小时内发出\nindicators: [communication, offer-solution]\n"),
    );
    const c = await loadExamContent(dir);
    const lines = c.problems.map((p) => `${path.basename(p.path)}:${p.line}: ${p.message}`);
    expect(lines.find((l) => l.startsWith("bad-id.yaml:6: indicators.1:"))).toMatch(/unknown competency id/);
    expect(lines.find((l) => l.startsWith("all-eleven.yaml:6: indicators:"))).toMatch(/2 to 5/);
    expect(lines.find((l) => l.startsWith("promise.yaml:6:"))).toMatch(/dispatch-time/);
    expect(c.scenarios.map((s) => s.id).filter((id) => ["bad-id", "all-eleven", "promise"].includes(id))).toEqual([]);
  });
});

describe("a sitting on a scenario card", () => {
  it("refuses a scenario that is not a card", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    const out = await recordSitting(trainer.id, {
      day: localDay(new Date()),
      scenario: "包裹破损投诉",
      traineeIds: [trainee.id],
    }).catch((e) => e);
    expect(out.status).toBe(400);
    expect(out.messageKey).toBe("exams:err.sittingScenario");
  });

  it("the scoring form shows the card and only its indicators", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    const id = await recordSitting(trainer.id, {
      day: localDay(new Date()),
      scenario: "skin-allergy",
      traineeIds: [trainee.id],
    });
    const data = (await drillsLoader({
      request: await makeRequest(`/exams/drills?sitting=${id}`, { userId: trainer.id }),
      params: {},
      context: {},
    } as never)) as unknown as {
      chosen: { card: { id: string; goals: string[] }; indicators: string[]; attendees: { id: number }[] };
      cards: { id: string }[];
    };
    expect(data.chosen.card.id).toBe("skin-allergy");
    expect(data.chosen.card.goals.length).toBeGreaterThan(0);
    expect(data.chosen.indicators).toEqual(["read-customer-info", "product-knowledge", "communication"]);
    expect(data.chosen.attendees.map((a) => a.id)).toEqual([trainee.id]);
    expect(data.cards.map((c) => c.id)).toContain("damaged-parcel");
  });

  it("keeps the card as recorded: the sitting is scored on the indicators it had then", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    const id = await recordSitting(trainer.id, {
      day: localDay(new Date()),
      scenario: "price-protection",
      traineeIds: [trainee.id],
    });
    const stored = await db.practiceSitting.findUniqueOrThrow({ where: { id } });
    expect(stored.scenario).toBe("price-protection");
    expect(JSON.parse(stored.card!).indicators).toEqual(["read-customer-info", "offer-solution", "communication"]);
    const out = await scoreDrill(trainer.id, {
      traineeId: trainee.id,
      sittingId: id,
      scores: { "read-customer-info": 3, "offer-solution": 3, communication: 3 },
      notes: "",
    });
    expect(out.weighted).toBe(3);
  });

  it("a sitting recorded before cards is scored on all eleven", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const trainee = await createTestUser();
    const legacy = await db.practiceSitting.create({
      data: {
        trainerId: trainer.id,
        day: localDay(new Date()),
        scenario: "包裹破损投诉",
        attendees: { create: [{ userId: trainee.id }] },
      },
    });
    const some = await scoreDrill(trainer.id, {
      traineeId: trainee.id,
      sittingId: legacy.id,
      scores: { communication: 4 },
      notes: "",
    }).catch((e) => e);
    expect(some.status).toBe(400);
    const all = await scoreDrill(trainer.id, {
      traineeId: trainee.id,
      sittingId: legacy.id,
      scores: Object.fromEntries(INDICATOR_IDS.map((i) => [i, 4])),
      notes: "",
    });
    expect(all.weighted).toBe(4);
  });
});
