import { describe, expect, it } from "vitest";
import { parseCourseFile } from "~/content/parse";
import { parsePolicy } from "~/content/phrasing-policy";
import { checkStoredVersion } from "~/development/version-checks";
import { courseText } from "../catalogue/content-fixtures";

const POLICY = `forbidden:
  - id: no-unicorn
    name: 独角兽
    pattern: 独角兽
    reason: 不可以说。
    instead: 换个说法。
terms: []
`;

function stored(source: string) {
  const parsed = parseCourseFile("x.md", new TextEncoder().encode(source));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { fm: JSON.stringify(parsed.file.data), body: parsed.file.body };
}

describe("checks of a stored version", () => {
  const policyResult = parsePolicy("policy.yaml", POLICY);
  if (!policyResult.ok) throw new Error("policy");
  const policy = policyResult.policy;

  it("a clean version passes both checks", () => {
    const v = stored(courseText({ slug: "clean" }));
    expect(checkStoredVersion("x.md", v.fm, v.body, policy)).toEqual({ content: [], phrasing: [] });
  });

  it("a phrase the policy forbids today is reported on that version, in the body or the front matter", () => {
    const v = stored(courseText({ slug: "bad", objectives: "\n  - 独角兽目标" }, "## 一\n独角兽话术\n"));
    const r = checkStoredVersion("x.md", v.fm, v.body, policy);
    expect(r.content).toEqual([]);
    expect(r.phrasing).toHaveLength(2);
    expect(r.phrasing.every((p) => p.message.includes("no-unicorn"))).toBe(true);
    expect(checkStoredVersion("x.md", v.fm, v.body, null).phrasing).toEqual([]);
  });

  it("content rules run again: a body without sections or with HTML fails", () => {
    const v = stored(courseText({ slug: "ok" }));
    const r = checkStoredVersion("x.md", v.fm, "no heading <b>bold</b>\n", policy);
    expect(r.content.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining("HTML tag"), expect.stringContaining("section heading")]),
    );
    expect(checkStoredVersion("x.md", "not json", "", null).content).toHaveLength(1);
  });
});
