// Clock times of a shift as minutes after local midnight. "24:00" is allowed as an end (a shift
// that ends at midnight); an end at or before the start means the shift ends the next day.

const HHMM = /^(\d{1,2})[:：](\d{2})$/;

/** "08:00" → 480, "24:00" → 1440; null for anything else (25:00, 08:70, 8h). */
export function parseClock(text: string): number | null {
  const m = HHMM.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** 480 → "08:00"; minutes past a day wrap around the clock (1500 → "01:00"). */
export function formatClock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  const text = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return minutes === 1440 ? "24:00" : text;
}

/** A shift from clock times: the end moves to the next day when it is not after the start. */
export function shiftSpan(start: number, end: number): { startMin: number; endMin: number } | null {
  if (start >= 1440) return null;
  if (end === start) return null;
  return { startMin: start, endMin: end > start ? end : end + 1440 };
}
