// /admin/content lists the problems of exam content (a scenario card breaking the phrasing policy
// among them) with the lessons', and the broken card is not offered.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentStatus } from "~/catalogue/admin.server";
import { resetExamContentCache } from "~/exams/content.server";
import { scenarioCards } from "~/exams/trainer.server";
import { resetEnv } from "~/lib/env.server";

const original = process.env.CONTENT_DIR;
afterAll(() => {
  process.env.CONTENT_DIR = original;
  resetEnv();
  resetExamContentCache();
});

describe("exam content problems for administrators", () => {
  it("a scenario card promising a dispatch time is listed path:line and not offered", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "exam-admin-"));
    cpSync(path.resolve("content"), dir, { recursive: true });
    writeFileSync(
      path.join(dir, "exams/scenarios/damaged-parcel.yaml"),
      "id: damaged-parcel\ntitle: { zh: 破损, en: Damaged }\ncustomer: 李先生\nsituation: 包裹破损。\n" +
        "goals:\n  - 告诉客户24小时内发货\nindicators: [communication, offer-solution]\n",
    );
    process.env.CONTENT_DIR = dir;
    resetEnv();
    resetExamContentCache();
    const { problems } = await contentStatus();
    const line = problems.find((p) => p.path.endsWith("exams/scenarios/damaged-parcel.yaml"));
    expect(line?.line).toBe(6);
    expect(line?.message).toMatch(/dispatch-time/);
    expect((await scenarioCards()).map((c) => c.id)).not.toContain("damaged-parcel");
  });
});
