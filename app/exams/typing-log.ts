// What changed in the typing box between two moments, as log entries: characters removed from
// the end, then characters added. The caret stays at the end, so this is all that can happen.
export type LogEntry = [number, "i", string] | [number, "d", number];

export function diffCommit(before: string, after: string, at: number): LogEntry[] {
  const a = Array.from(before);
  const b = Array.from(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const out: LogEntry[] = [];
  if (a.length > p) out.push([at, "d", a.length - p]);
  const added = b.slice(p);
  for (let i = 0; i < added.length; i += 200) out.push([at, "i", added.slice(i, i + 200).join("")]);
  return out;
}
