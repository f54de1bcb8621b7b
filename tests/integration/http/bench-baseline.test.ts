import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "~/lib/env.server";
import { loader } from "~/routes/bench.baseline";
import { settle } from "../../fixtures/users";

describe("the bench's bare comparison page", () => {
  afterEach(() => {
    delete process.env.WEIKE_BENCH_BASELINE;
    resetEnv();
  });

  it("is not there (404) unless the bench started the server", async () => {
    delete process.env.WEIKE_BENCH_BASELINE;
    resetEnv();
    const { thrown, value } = await settle(() => loader());
    expect(thrown).toBe(true);
    expect((value as Response).status).toBe(404);
  });

  it("serves its 50 items when WEIKE_BENCH_BASELINE=1", async () => {
    process.env.WEIKE_BENCH_BASELINE = "1";
    resetEnv();
    const { items } = await loader();
    expect(items).toHaveLength(50);
  });
});
