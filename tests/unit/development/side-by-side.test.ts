import { describe, expect, it } from "vitest";
import { collapse, inlineParts, sideBySide, type DiffRow } from "~/development/side-by-side";

const text = (row: DiffRow, side: "left" | "right") =>
  row.kind === "gap" ? null : (row[side]?.parts.map((p) => p.text).join("") ?? null);

describe("side-by-side diff", () => {
  it("pairs a replaced line with its replacement and numbers both sides", () => {
    const r = sideBySide("a\nb\nc\n", "a\nB\nc\n");
    expect(r.added).toBe(1);
    expect(r.removed).toBe(1);
    expect(r.rows.map((row) => row.kind)).toEqual(["same", "change", "same"]);
    const change = r.rows[1]!;
    expect(text(change, "left")).toBe("b");
    expect(text(change, "right")).toBe("B");
    expect(change.kind === "change" && change.left?.no).toBe(2);
    expect(change.kind === "change" && change.right?.no).toBe(2);
  });

  it("an added line has an empty left side and moves the right numbering on", () => {
    const r = sideBySide("a\nc\n", "a\nb\nc\n");
    expect(r.rows.map((row) => [text(row, "left"), text(row, "right")])).toEqual([
      ["a", "a"],
      [null, "b"],
      ["c", "c"],
    ]);
    const last = r.rows[2]!;
    expect(last.kind === "same" && [last.left.no, last.right.no]).toEqual([2, 3]);
  });

  it("more removed than added lines: the extra removed lines stand alone on the left", () => {
    const r = sideBySide("x\n1\n2\n3\ny\n", "x\nuno\ny\n");
    const changes = r.rows.filter((row) => row.kind === "change");
    expect(changes.map((row) => [text(row, "left"), text(row, "right")])).toEqual([
      ["1", "uno"],
      ["2", null],
      ["3", null],
    ]);
  });

  it("marks only the changed words (characters in Chinese) inside a changed pair", () => {
    const en = inlineParts("please hold the line", "please wait on the line");
    expect(
      en.left
        .filter((p) => p.changed)
        .map((p) => p.text)
        .join(""),
    ).toContain("hold");
    expect(
      en.left
        .filter((p) => !p.changed)
        .map((p) => p.text)
        .join(""),
    ).toContain("please");
    const zh = inlineParts("您好，请稍等", "您好，请您稍候");
    expect(
      zh.right
        .filter((p) => p.changed)
        .map((p) => p.text)
        .join(""),
    ).toBe("您候");
    expect(
      zh.left
        .filter((p) => p.changed)
        .map((p) => p.text)
        .join(""),
    ).toBe("等");
  });

  it("folds long unchanged runs to context lines, and the gap says how many are hidden", () => {
    const before = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const after = before.replace("line 50\n", "line fifty\n");
    const r = sideBySide(before, after, 3);
    expect(r.rows.map((row) => row.kind)).toEqual([
      "gap",
      "same",
      "same",
      "same",
      "change",
      "same",
      "same",
      "same",
      "gap",
    ]);
    const gaps = r.rows.filter((row) => row.kind === "gap");
    expect(gaps.map((g) => g.kind === "gap" && g.hidden)).toEqual([47, 46]);
  });

  it("keeps a short unchanged run between two changes whole", () => {
    const same = (n: number): DiffRow => ({
      kind: "same",
      left: { no: n, parts: [] },
      right: { no: n, parts: [] },
    });
    const change: DiffRow = { kind: "change", left: null, right: { no: 1, parts: [] } };
    const rows = [change, same(1), same(2), same(3), same(4), same(5), same(6), same(7), change];
    expect(collapse(rows, 3)).toHaveLength(9);
    const longer = [change, ...Array.from({ length: 8 }, (_, i) => same(i)), change];
    expect(collapse(longer, 3).map((r) => r.kind)).toEqual([
      "change",
      "same",
      "same",
      "same",
      "gap",
      "same",
      "same",
      "same",
      "change",
    ]);
  });

  it("identical texts give no changes", () => {
    const r = sideBySide("a\nb\n", "a\nb\n");
    expect(r.added + r.removed).toBe(0);
    expect(r.rows.every((row) => row.kind !== "change")).toBe(true);
  });
});
