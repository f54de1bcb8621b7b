// The content:check contract of DESIGN.md, through the real command: exit 0 when valid,
// otherwise exit 1 with one `path:line: message` line per problem, naming the field.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { syncAndEnter } from "../../fixtures/library";

function check(dir?: string) {
  const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/content-check.ts", ...(dir ? [dir] : [])], {
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: path.resolve("content") },
  });
  return { code: res.status, out: res.stdout + res.stderr };
}

// The shipped lessons claim `accepted`: this database holds their acceptance records, as the
// seeded demo database does (decision 035).
beforeAll(async () => {
  await syncAndEnter(path.resolve("content"));
}, 60_000);

describe("npm run content:check", () => {
  it("passes the shipped content", () => {
    expect(check().code).toBe(0);
  }, 60_000);

  it("passes a folder holding only courses", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-cc-"));
    cpSync("content/courses/big-sale", path.join(dir, "courses/big-sale"), { recursive: true });
    expect(check(dir).code).toBe(0);
  }, 60_000);

  it("fails with path:line: message naming the field", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-cc-"));
    cpSync("content/courses/big-sale", path.join(dir, "courses/big-sale"), { recursive: true });
    const file = path.join(dir, "courses/big-sale/01-big-sale-faq-quick-replies.md");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      ["---", "slug: big-sale-faq-quick-replies", "title: { zh: 测试, en: Test }", "summary: { zh: 摘要, en: Summary }", "series: big-sale", "position: 1", "area: customer-service", "competencies: [mind-reading]", "durationMinutes: 45", "grade: junior", "status: accepted", "objectives: [学会]", "trainers: []", "quiz: { questions: [] }", "---", "## 一", "正文", ""].join("\n"),
    );
    const { code, out } = check(dir);
    expect(code).toBe(1);
    const lines = out.split("\n").filter((l) => l.includes("01-big-sale-faq-quick-replies.md:"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^.+\.md:\d+: \S.*$/);
    expect(out).toMatch(/01-big-sale-faq-quick-replies\.md:8: competencies/);
    expect(out).toMatch(/01-big-sale-faq-quick-replies\.md:9: durationMinutes/);
  }, 60_000);

  it("fails on a lesson that promises a dispatch time, naming the rule and the approved phrasing", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-cc-"));
    cpSync("content/courses/big-sale", path.join(dir, "courses/big-sale"), { recursive: true });
    cpSync("content/policy.yaml", path.join(dir, "policy.yaml"));
    const file = path.join(dir, "courses/big-sale/02-payment-reminders-and-refunds.md");
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((l, i) => i > 2 && l.startsWith("## ")) + 1;
    lines.splice(at, 0, "亲，付款后48小时内发出，请放心。");
    writeFileSync(file, lines.join("\n"));
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain(`02-payment-reminders-and-refunds.md:${at + 1}: phrasing: "48小时内发出"`);
    expect(out).toContain("承诺发货或送达时间");
    expect(out).toContain("按付款顺序尽快安排发货");
  }, 60_000);

  it("reports a file claiming `accepted` for content nobody accepted, naming the status line", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-cc-"));
    cpSync("content/courses/big-sale", path.join(dir, "courses/big-sale"), { recursive: true });
    const file = path.join(dir, "courses/big-sale/02-payment-reminders-and-refunds.md");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, `${text}\n## 补充\n修订中的新段落。\n`);
    const statusLine = text.split("\n").findIndex((l) => l.startsWith("status:")) + 1;
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toContain(`02-payment-reminders-and-refunds.md:${statusLine}: status: "accepted" has no acceptance record`);
    expect(out).not.toContain("01-big-sale-faq-quick-replies.md:");
  }, 60_000);

  it("reports an invalid policy file with path:line", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-cc-"));
    cpSync("content/courses/big-sale", path.join(dir, "courses/big-sale"), { recursive: true });
    writeFileSync(path.join(dir, "policy.yaml"), "forbidden:\n  - id: x\n    name: X\n    pattern: '[unclosed'\n    reason: r\n    instead: i\n");
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/policy\.yaml:4: forbidden\.0\.pattern: not a valid regular expression/);
  }, 60_000);
});
