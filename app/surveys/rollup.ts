// Adding (survey, team) cells up into the groups a report shows.
import { addTally, emptyTally, type Tally } from "./figures";

export interface CellLike {
  tally: Tally;
}

export function rollup<C extends CellLike, K extends string | number>(
  cells: C[],
  keyOf: (c: C) => K | null,
): Map<K, Tally> {
  const groups = new Map<K, Tally>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === null) continue;
    let t = groups.get(key);
    if (!t) groups.set(key, (t = emptyTally()));
    addTally(t, cell.tally);
  }
  return groups;
}

export function total<C extends CellLike>(cells: C[]): Tally {
  const t = emptyTally();
  for (const c of cells) addTally(t, c.tally);
  return t;
}
