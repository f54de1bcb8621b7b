// Colours chosen to stay distinguishable for the common colour-vision deficiencies and to keep
// 3:1 contrast against white: a blue/orange pair and a diverging 1–5 scale.
export const SERIES = { micro: "#0b5cad", all: "#c15f00", neutral: "#5b6675" } as const;
export const SCALE5 = ["#b2182b", "#ef8a62", "#bdbdbd", "#67a9cf", "#2166ac"] as const;
export const GRID = "#d9dee5";

export const pct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`;

/** The lowest tick of a percentage axis: a round ten at or below every value, and never above 80. */
export function percentAxisFloor(values: (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null);
  return Math.min(80, Math.floor((present.length ? Math.min(...present) : 80) / 10) * 10);
}
