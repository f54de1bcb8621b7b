// The geometry of a radar chart drawn as plain SVG on the server: no chart library in the
// browser for a figure that never changes after the page is rendered (decision 046: the
// trainee pages' JavaScript budget). Pure functions, so the numbers can be tested.

export interface RadarBox {
  width: number;
  height: number;
  cx: number;
  cy: number;
  radius: number;
  /** Distance of an axis label's anchor beyond the outer ring. */
  labelGap: number;
}

/** Room for two-line labels on every side of a 110-unit radius at a 13-unit font. */
export const RADAR_BOX: RadarBox = { width: 540, height: 360, cx: 270, cy: 178, radius: 110, labelGap: 12 };

export interface Point {
  x: number;
  y: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Angle of axis i of n in radians, SVG convention (y grows downwards): the first axis points up
 * and the others follow clockwise, as on a clock face.
 */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

/** The point at `r` from the centre along axis i of n, rounded to a tenth of a unit. */
export function pointOnAxis(box: RadarBox, i: number, n: number, r: number): Point {
  const a = axisAngle(i, n);
  // `+ 0` turns -0 into 0, so a point on the vertical axis prints as "240", never "-0".
  return { x: round(box.cx + r * Math.cos(a)) + 0, y: round(box.cy + r * Math.sin(a)) + 0 };
}

/** A value on the 0…max scale as a distance from the centre; nothing observed sits at the centre. */
export function radiusFor(box: RadarBox, value: number | null, max: number): number {
  if (value === null || !Number.isFinite(value) || max <= 0) return 0;
  return (Math.min(Math.max(value, 0), max) / max) * box.radius;
}

/** The `points` attribute of the polygon joining one value per axis. */
export function polygonPoints(box: RadarBox, values: (number | null)[], max: number): string {
  return values
    .map((v, i) => pointOnAxis(box, i, values.length, radiusFor(box, v, max)))
    .map((p) => `${p.x},${p.y}`)
    .join(" ");
}

/** One ring of the grid per whole level 1…max, each a polygon through the n axes. */
export function gridRings(box: RadarBox, n: number, max: number): string[] {
  const rings: string[] = [];
  for (let level = 1; level <= max; level++) rings.push(polygonPoints(box, Array(n).fill(level), max));
  return rings;
}

export interface AxisLabel extends Point {
  lines: string[];
  /** SVG text-anchor: labels left of the centre end at their point, right of it start there. */
  anchor: "start" | "middle" | "end";
  /** Offset of the first line from `y`, in lines: labels above the chart grow upwards. */
  firstLineShift: number;
}

/** Rough width of a text in ems: CJK characters are square, Latin ones about half as wide. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return ems;
}

/**
 * A label cut into at most two lines no wider than `maxEms` each (when it can be): at the space
 * nearest the middle for words, in the middle for CJK text; a single Latin word stays whole.
 */
export function wrapLabel(text: string, maxEms = 7.8): string[] {
  if (textEms(text) <= maxEms) return [text];
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length) {
    const mid = text.length / 2;
    const at = spaces.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best));
    return [text.slice(0, at), text.slice(at + 1)];
  }
  // A single word stays whole: cutting "Self-motivation" would make two non-words.
  if (!/[\u2e80-\u9fff\uff00-\uffef]/.test(text)) return [text];
  const chars = [...text];
  const half = Math.ceil(chars.length / 2);
  return [chars.slice(0, half).join(""), chars.slice(half).join("")];
}

/** Where each axis's label goes and how it is aligned, just outside the outer ring. */
export function axisLabels(box: RadarBox, labels: string[]): AxisLabel[] {
  const n = labels.length;
  return labels.map((text, i) => {
    const p = pointOnAxis(box, i, n, box.radius + box.labelGap);
    const dx = p.x - box.cx;
    const dy = p.y - box.cy;
    // Within a few units of the vertical axis the label is centred over (or under) it.
    const anchor = Math.abs(dx) < 4 ? "middle" : dx < 0 ? "end" : "start";
    const lines = wrapLabel(text);
    // Above the centre the block ends at the point; below it starts there; beside it, centred.
    const firstLineShift =
      dy < -box.radius / 2 ? -(lines.length - 1) : dy > box.radius / 2 ? 0.8 : -(lines.length - 1) / 2 + 0.35;
    return { ...p, lines, anchor, firstLineShift };
  });
}
