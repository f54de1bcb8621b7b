import { describe, expect, it } from "vitest";
import {
  bumpContentGeneration,
  contentGeneration,
  followContentGeneration,
  resetContentGenerationCheck,
} from "~/content/generation.server";
import { onContentChanged } from "~/content/sync.server";
import { runOnce } from "~/lib/db/cluster-lock.server";
import { db } from "~/lib/db.server";
import { instanceId } from "~/lib/instance.server";
import { loader as healthz } from "~/routes/healthz";

const quiet = () => {};

describe("runOnce", () => {
  it("runs a job once when two start at the same time", async () => {
    let runs = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const job = async () => {
      runs++;
      await held;
      return "done";
    };
    const first = runOnce("test-job", job, { log: quiet });
    // The second starts while the first holds the job.
    await new Promise((r) => setTimeout(r, 200));
    const second = await runOnce("test-job", job, { log: quiet });
    release();
    const results = [await first, second];
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
  });

  it("lets the job run again once the holder is done", async () => {
    const a = await runOnce("again", async () => 1, { log: quiet });
    const b = await runOnce("again", async () => 2, { log: quiet });
    expect(a).toEqual({ ran: true, value: 1 });
    expect(b).toEqual({ ran: true, value: 2 });
  });

  it("makes a waiter wait for the holder without running the job again", async () => {
    const order: string[] = [];
    const first = runOnce(
      "sync",
      async () => {
        await new Promise((r) => setTimeout(r, 500));
        order.push("synced");
      },
      { log: quiet },
    );
    await new Promise((r) => setTimeout(r, 100));
    const second = await runOnce("sync", async () => order.push("second ran"), { waitForOther: true, log: quiet });
    order.push("waiter went on");
    await first;
    expect(second.ran).toBe(false);
    expect(order).toEqual(["synced", "waiter went on"]);
  });

  it("releases the job when it fails", async () => {
    await expect(runOnce("fails", async () => Promise.reject(new Error("boom")), { log: quiet })).rejects.toThrow(
      "boom",
    );
    expect((await runOnce("fails", async () => "ok", { log: quiet })).ran).toBe(true);
  });
});

describe("content generation", () => {
  it("drops this instance's caches when another instance's sync moved the generation", async () => {
    resetContentGenerationCheck();
    let dropped = 0;
    const listener = () => dropped++;
    onContentChanged.add(listener);
    try {
      await followContentGeneration();
      expect(dropped).toBe(0);
      // Another instance's sync, written straight to the database.
      const before = await contentGeneration();
      await db.contentGeneration.upsert({
        where: { id: 1 },
        create: { id: 1, generation: before + 1 },
        update: { generation: before + 1 },
      });
      // Within the check interval nothing is read yet; after it the move is seen once.
      await followContentGeneration(Date.now());
      expect(dropped).toBe(0);
      await followContentGeneration(Date.now() + 3_000);
      expect(dropped).toBe(1);
      await followContentGeneration(Date.now() + 6_000);
      expect(dropped).toBe(1);
    } finally {
      onContentChanged.delete(listener);
    }
  });

  it("a sync's own bump does not drop the caches a second time", async () => {
    resetContentGenerationCheck();
    await followContentGeneration();
    let dropped = 0;
    const listener = () => dropped++;
    onContentChanged.add(listener);
    try {
      const g = await bumpContentGeneration();
      expect(await contentGeneration()).toBe(g);
      await followContentGeneration(Date.now() + 3_000);
      expect(dropped).toBe(0);
    } finally {
      onContentChanged.delete(listener);
    }
  });
});

describe("health of an instance", () => {
  it("names the instance", async () => {
    const body = await (await healthz()).json();
    expect(body.instance).toBe(instanceId());
    expect(body.instance).toMatch(/^[0-9a-f]{6}$/);
  });
});
