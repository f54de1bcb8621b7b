// A readable two-column diff of two texts: jsdiff finds the changed lines, this module lines them
// up (a removed line beside the line that replaced it), marks the changed words inside a changed
// pair, and folds long unchanged runs down to a few lines of context. Pure and bounded: only the
// two texts asked for are compared, and very long lines are not compared word by word.
import { diffChars, diffLines, diffWordsWithSpace } from "diff";

export type Part = { text: string; changed: boolean };
export type Cell = { no: number; parts: Part[] };
export type DiffRow =
  | { kind: "same"; left: Cell; right: Cell }
  | { kind: "change"; left: Cell | null; right: Cell | null }
  | { kind: "gap"; hidden: number };

export interface SideBySide {
  rows: DiffRow[];
  added: number;
  removed: number;
}

/** Lines longer than this are marked changed as a whole instead of word by word. */
const MAX_INLINE = 2000;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function linesOf(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const whole = (text: string): Part[] => [{ text, changed: true }];

/** The changed words of a line and the line that replaced it (characters for Chinese text). */
export function inlineParts(left: string, right: string): { left: Part[]; right: Part[] } {
  if (left.length > MAX_INLINE || right.length > MAX_INLINE) return { left: whole(left), right: whole(right) };
  const changes = CJK.test(left) || CJK.test(right) ? diffChars(left, right) : diffWordsWithSpace(left, right);
  const l: Part[] = [];
  const r: Part[] = [];
  for (const c of changes) {
    if (!c.added) l.push({ text: c.value, changed: c.removed });
    if (!c.removed) r.push({ text: c.value, changed: c.added });
  }
  return { left: l, right: r };
}

/** Keeps `context` unchanged lines around each change; a longer unchanged run becomes a gap row. */
export function collapse(rows: DiffRow[], context: number): DiffRow[] {
  const out: DiffRow[] = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.kind !== "same") {
      out.push(rows[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j]!.kind === "same") j++;
    const keepBefore = i === 0 ? 0 : context; // after a change
    const keepAfter = j === rows.length ? 0 : context; // before a change
    const run = j - i;
    if (run > keepBefore + keepAfter + 1) {
      out.push(...rows.slice(i, i + keepBefore));
      out.push({ kind: "gap", hidden: run - keepBefore - keepAfter });
      out.push(...rows.slice(j - keepAfter, j));
    } else {
      out.push(...rows.slice(i, j));
    }
    i = j;
  }
  return out;
}

/** The aligned rows of `before` (left) and `after` (right). */
export function sideBySide(before: string, after: string, context = 3): SideBySide {
  const changes = diffLines(before, after);
  const rows: DiffRow[] = [];
  let leftNo = 0;
  let rightNo = 0;
  let added = 0;
  let removed = 0;
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k]!;
    if (!c.added && !c.removed) {
      for (const line of linesOf(c.value)) {
        const cellText = [{ text: line, changed: false }];
        rows.push({ kind: "same", left: { no: ++leftNo, parts: cellText }, right: { no: ++rightNo, parts: cellText } });
      }
      continue;
    }
    // A removal followed by an addition is a replacement: pair their lines one to one.
    const gone = c.removed ? linesOf(c.value) : [];
    const next = c.removed ? changes[k + 1] : undefined;
    const came = c.added ? linesOf(c.value) : next?.added ? linesOf(next.value) : [];
    if (c.removed && next?.added) k++;
    removed += gone.length;
    added += came.length;
    for (let n = 0; n < Math.max(gone.length, came.length); n++) {
      const l = gone[n];
      const r = came[n];
      if (l !== undefined && r !== undefined) {
        const parts = inlineParts(l, r);
        rows.push({
          kind: "change",
          left: { no: ++leftNo, parts: parts.left },
          right: { no: ++rightNo, parts: parts.right },
        });
      } else if (l !== undefined) {
        rows.push({ kind: "change", left: { no: ++leftNo, parts: whole(l) }, right: null });
      } else if (r !== undefined) {
        rows.push({ kind: "change", left: null, right: { no: ++rightNo, parts: whole(r) } });
      }
    }
  }
  return { rows: collapse(rows, context), added, removed };
}
