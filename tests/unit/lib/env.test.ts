import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/lib/env.server";

describe("configuration from the environment", () => {
  it("fills the defaults of the README's configuration table", () => {
    expect(parseEnv({})).toEqual({
      DATABASE_URL: "file:./data/weike.db",
      PORT: 3000,
      CONTENT_DIR: "./content",
      SESSION_IDLE_HOURS: 8,
      SESSION_ABSOLUTE_HOURS: 168,
      TRUST_PROXY: 0,
      ALLOWED_ORIGINS: [],
      WEIKE_BUILD_DIR: "build",
      WEIKE_SELF_ASSESSMENT_MONTHS: 3,
      WEIKE_BACKUP_KEEP: 7,
      WEIKE_BACKUP_INTERVAL_HOURS: 24,
      WEIKE_SHUTDOWN_GRACE_SECONDS: 10,
      WEIKE_TIME_ZONE: "Asia/Shanghai",
      WEIKE_BENCH_BASELINE: false,
      WEIKE_SERVER_TIMING: false,
      npm_package_version: "0.1.0",
    });
  });

  it("types the values that are set and treats an empty one as unset", () => {
    const env = parseEnv({
      PORT: "8080",
      SESSION_IDLE_HOURS: "0.5",
      TRUST_PROXY: "1",
      ALLOWED_ORIGINS: " https://a.example ,,https://b.example",
      CONTENT_DIR: "",
      UNRELATED: "x",
    });
    expect(env.PORT).toBe(8080);
    expect(env.SESSION_IDLE_HOURS).toBe(0.5);
    expect(env.TRUST_PROXY).toBe(1);
    expect(env.ALLOWED_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
    expect(env.CONTENT_DIR).toBe("./content");
    expect(env).not.toHaveProperty("UNRELATED");
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "80.5"],
    ["SESSION_IDLE_HOURS", "-1"],
    ["SESSION_ABSOLUTE_HOURS", "a week"],
    ["TRUST_PROXY", "yes"],
    ["DATABASE_URL", "mysql://db/weike"],
    ["WEIKE_BENCH_BASELINE", "yes"],
  ])("refuses %s=%s with a message naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)}: `);
  });

  it("names every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "abc", TRUST_PROXY: "on" })).toThrow(/PORT="abc": .*; TRUST_PROXY="on": /);
  });
});
