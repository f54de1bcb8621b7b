// The geometry of a small line chart drawn as plain SVG on the server (the exam history on a
// trainee page: no chart library in the browser, decision 046). Pure functions, tested.

export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Room for a rotated axis title and four-digit ticks on the left, dates underneath. */
export const LINE_BOX: PlotBox = { width: 480, height: 220, left: 58, right: 16, top: 12, bottom: 44 };

const round = (n: number) => Math.round(n * 10) / 10;

/** A round step (1, 2 or 5 times a power of ten) giving about `count` intervals up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Ticks from 0 to the first round value at or above the largest value. */
export function yTicks(values: number[], count = 4): number[] {
  const max = Math.max(0, ...values);
  const step = niceStep(max, count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** Horizontal position of point i of n: evenly spaced, each in the middle of its band. */
export function xAt(box: PlotBox, i: number, n: number): number {
  const inner = box.width - box.left - box.right;
  return round(box.left + ((i + 0.5) * inner) / Math.max(n, 1));
}

/** Vertical position of a value on an axis from 0 to `top` (y grows downwards). */
export function yAt(box: PlotBox, value: number, top: number): number {
  const inner = box.height - box.top - box.bottom;
  const v = Math.min(Math.max(value, 0), top);
  return round(box.top + inner - (top > 0 ? (v / top) * inner : 0));
}

/** The `points` attribute of the line through the values. */
export function linePoints(box: PlotBox, values: number[], top: number): string {
  return values.map((v, i) => `${xAt(box, i, values.length)},${yAt(box, v, top)}`).join(" ");
}

/** Indexes of the x labels to print so that no two overlap (`labelWidth` in the box's units). */
export function shownLabels(box: PlotBox, n: number, labelWidth = 72): number[] {
  const band = (box.width - box.left - box.right) / Math.max(n, 1);
  const every = Math.max(1, Math.ceil(labelWidth / band));
  const out: number[] = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}
