// The response drill rotates its scripts: each start gives the trainee the script they have gone
// longest without, so every valid script (damaged-parcel among them) is used.
import { describe, expect, it } from "vitest";
import { examContent } from "~/exams/content.server";
import { finishResponse, startResponse, type ResponseSetup } from "~/exams/response.server";
import { db } from "~/lib/db.server";
import { createTestUser } from "../../fixtures/users";
import { ageAttempt } from "./helpers";

const DAY = 24 * 60 * 60_000;

async function scriptOf(attemptId: number): Promise<string> {
  const a = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { setup: true } });
  return (JSON.parse(a.setup) as ResponseSetup).scriptId;
}

describe("chat-drill script rotation", () => {
  it("the shipped plan rotates at least four scripts", async () => {
    const content = await examContent();
    const exam = content.plan?.exams.find((e) => e.kind === "response");
    expect(exam && "script" in exam ? exam.script : undefined).toBeUndefined();
    expect(content.scripts.length).toBeGreaterThanOrEqual(4);
    expect(content.scripts.map((s) => s.id)).toContain("damaged-parcel");
  });

  it("a trainee gets every script once before any comes round again, then the one taken longest ago", async () => {
    const ids = (await examContent()).scripts.map((s) => s.id);
    const user = await createTestUser();
    const got: string[] = [];
    for (let i = 0; i < ids.length + 1; i++) {
      const s = await startResponse(user.id);
      got.push(await scriptOf(s.attemptId));
      await finishResponse(user.id, s.token);
      await ageAttempt(s.attemptId, DAY); // past the cool-down and the daily limit
    }
    expect([...got.slice(0, ids.length)].sort()).toEqual([...ids].sort());
    expect(got[ids.length]).toBe(got[0]);
    expect(got).toContain("damaged-parcel");
  });

  it("trainees who have taken none are spread over the scripts at random", async () => {
    const ids = (await examContent()).scripts.map((s) => s.id);
    const drawn = new Set<string>();
    for (let i = 0; i < ids.length; i++) {
      const user = await createTestUser();
      const s = await startResponse(user.id, () => (i + 0.5) / ids.length);
      drawn.add(await scriptOf(s.attemptId));
    }
    expect([...drawn].sort()).toEqual([...ids].sort());
  });

  it("the start tells the page which customer it is talking to", async () => {
    const user = await createTestUser();
    const s = await startResponse(user.id, () => 0.2);
    const script = (await examContent()).scripts.find((x) => x.id === "damaged-parcel")!;
    expect(s.script.customer).toBe(script.customer);
    expect(s.message.text).toBe(script.messages[0]!.text);
  });
});
