import { describe, expect, it } from "vitest";
import { scriptSchema } from "~/exams/content";
import { finishResponse, replyResponse, startResponse } from "~/exams/response.server";
import { responseTranscript } from "~/exams/transcript.server";
import { db } from "~/lib/db.server";
import { createTestUser } from "../../fixtures/users";

// courier-delay comes first among scripts not taken yet (name order).
const FIRST_SCRIPT = () => 0;

describe("response-drill feedback names the Chinese words to say", () => {
  it("stores each missed fact with its words (keywords or quick phrase) and the English gloss", async () => {
    const user = await createTestUser();
    const s = await startResponse(user.id, FIRST_SCRIPT);
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: s.attemptId } });
    const t0 = attempt.startedAt.getTime();
    const phrases = (JSON.parse(attempt.setup) as { phrases: Record<string, string> }).phrases;
    // Greets but never asks for the order number; m2 is out unanswered when the drill ends.
    await replyResponse(user.id, s.token, "m1", "您好", new Date(t0 + 8000));
    const id = await finishResponse(user.id, s.token, new Date(t0 + 20_000));
    const result = await db.examResult.findUniqueOrThrow({ where: { id } });
    const misses = JSON.parse(result.misses) as { messageId: string; facts: unknown[] }[];

    expect(misses.find((m) => m.messageId === "m1")?.facts).toEqual([
      { label: "请客户提供订单号", say: ["订单号", "订单编号"], en: "Ask for the order number" },
    ]);
    // A fact with a quick phrase is said with that phrase's approved text.
    const m2 = misses.find((m) => m.messageId === "m2")?.facts[0] as { say: string[]; en: string };
    expect(m2.say).toEqual([phrases.fh1]);
    expect(m2.en).toMatch(/order of payment/);

    const perMessage = (JSON.parse(result.figures) as { perMessage: Parameters<typeof responseTranscript>[1] })
      .perMessage;
    const rows = await responseTranscript(s.attemptId, perMessage);
    expect(rows.find((r) => r.messageId === "m1")?.facts).toEqual([
      { label: "请客户提供订单号", say: ["订单号", "订单编号"], en: "Ask for the order number" },
    ]);
  });

  it("validates the gloss like other fields: optional, never empty", () => {
    const script = (en?: string) => ({
      id: "x",
      title: { zh: "甲", en: "A" },
      customer: "王女士",
      messages: [
        { id: "m1", text: "你好", facts: [{ label: "问候", keywords: ["您好"], ...(en === undefined ? {} : { en }) }] },
      ],
    });
    expect(scriptSchema.safeParse(script()).success).toBe(true);
    expect(scriptSchema.safeParse(script("Greet")).success).toBe(true);
    const bad = scriptSchema.safeParse(script("  "));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["messages", 0, "facts", 0, "en"]);
  });
});
