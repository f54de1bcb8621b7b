// The Server-Timing header is added only when WEIKE_SERVER_TIMING=1 and the server stamped the
// request's arrival.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "~/lib/env.server";
import { addServerTiming, timingContext } from "~/lib/server-timing.server";

function withSetting(value: string | undefined) {
  if (value === undefined) delete process.env.WEIKE_SERVER_TIMING;
  else process.env.WEIKE_SERVER_TIMING = value;
  resetEnv();
}

afterEach(() => withSetting(undefined));

describe("Server-Timing", () => {
  it("names loader and render time when switched on", () => {
    withSetting("1");
    const headers = new Headers();
    const context = { receivedAt: performance.now() - 30 };
    const startedAt = performance.now() - 10;
    addServerTiming(headers, context, { startedAt, endedAt: startedAt + 7.25 });
    const value = headers.get("Server-Timing") ?? "";
    expect(value).toMatch(/^loader;dur=\d+\.\d, render;dur=7\.3$/);
    const loader = Number(/loader;dur=([\d.]+)/.exec(value)?.[1]);
    expect(loader).toBeGreaterThanOrEqual(19);
  });

  it("gives the loader time alone for data requests", () => {
    withSetting("1");
    const headers = new Headers();
    addServerTiming(headers, timingContext());
    expect(headers.get("Server-Timing")).toMatch(/^loader;dur=\d+\.\d$/);
  });

  it("adds nothing when off, or without the server's stamp", () => {
    withSetting(undefined);
    const off = new Headers();
    addServerTiming(off, timingContext());
    expect(off.has("Server-Timing")).toBe(false);
    withSetting("1");
    const unstamped = new Headers();
    addServerTiming(unstamped, {});
    expect(unstamped.has("Server-Timing")).toBe(false);
  });
});
