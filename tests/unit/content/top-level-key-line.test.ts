// The shortcut for a top-level key's line must always agree with the YAML parser.
import { describe, expect, it } from "vitest";
import { lineOfPath, lineOfTopLevelKey } from "~/content/front-matter";

const texts = [
  "slug: a\nstatus: accepted\ntitle: x",
  "slug: a\nstatus   : accepted",
  'slug: a\n"status": accepted\nnotes: "status: draft"',
  "quiz:\n  status: nested\nstatus: accepted",
  "notes: |\n  status: inside a block\nstatus: accepted",
  "{ slug: a, status: accepted }",
  "slug: a\nstatusline: 3\nstatus:\n  - accepted",
  "slug: a\n# status: in a comment\nstatus: accepted",
  "slug: a",
];

describe("line of a top-level key", () => {
  it.each(texts)("matches the parser for %j", (text) => {
    for (const start of [1, 2, 7]) {
      expect(lineOfTopLevelKey(text, start, "status")).toBe(lineOfPath(text, start, ["status"]));
    }
  });

  it("finds the key's line without parsing when it is written plainly", () => {
    expect(lineOfTopLevelKey("slug: a\ntitle: b\nstatus: accepted", 2, "status")).toBe(4);
  });
});
