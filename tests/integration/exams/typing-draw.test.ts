// The passages a typing attempt is given: drawn at random, each at most once per attempt.
import { describe, expect, it } from "vitest";
import { examContent } from "~/exams/content.server";
import type { TypingSetup } from "~/exams/typing.server";
import { startTyping } from "~/exams/typing.server";
import { db } from "~/lib/db.server";
import { createTestUser } from "../../fixtures/users";

async function setupOf(attemptId: number): Promise<TypingSetup> {
  const a = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { setup: true } });
  return JSON.parse(a.setup) as TypingSetup;
}

describe("typing passages for an attempt", () => {
  it("the shipped content has at least 8 Chinese passages of 400–600 characters", async () => {
    const zh = (await examContent()).passages.filter((p) => p.lang === "zh");
    const long = zh.filter((p) => {
      const n = Array.from(p.text.replace(/\s+/g, "")).length;
      return n >= 400 && n <= 600;
    });
    expect(long.length).toBeGreaterThanOrEqual(8);
  });

  it("an attempt's text holds each passage once: after the end of one comes another, never the same", async () => {
    const zh = (await examContent()).passages.filter((p) => p.lang === "zh");
    const user = await createTestUser();
    const s = await startTyping(user.id, "zh", () => 0.5);
    const setup = await setupOf(s.attemptId);
    expect(setup.passageIds).toHaveLength(zh.length);
    expect(new Set(setup.passageIds).size).toBe(zh.length);
    for (const p of zh) {
      const text = p.text.replace(/\s*\n\s*/g, "").trim();
      expect(s.target.split(text).length - 1).toBe(1);
    }
    expect(s.target.startsWith(zh.find((p) => p.id === setup.passageIds[0])!.text.trim())).toBe(true);
    expect(setup.passageId).toBe(setup.passageIds[0]);
  });

  it("the first passage follows the random source", async () => {
    const user = await createTestUser();
    const a = await setupOf((await startTyping(user.id, "zh", () => 0)).attemptId);
    const other = await createTestUser();
    const b = await setupOf((await startTyping(other.id, "zh", () => 0.999)).attemptId);
    expect(a.passageIds[0]).not.toBe(b.passageIds[0]);
  });
});
