// The typing log as the server saw it arrive: the page sends what was typed in small batches
// while the exam runs, and each batch's claimed moment must agree with when it arrived. A log
// composed after the fact (every batch arriving at the end) or replayed faster or slower than it
// claims is refused. Decision record 023.
import { z } from "zod";
import { STREAM_INTERVAL_MS } from "./stream-interval";
import { LATE_ARRIVAL_MS, typingEventSchema, type StreamReason, type TypingEvent } from "./typing";

export { STREAM_INTERVAL_MS };
/** A batch may claim a moment at most this much after it arrived (clock skew between the two). */
export const STREAM_EARLY_MS = 1000;
/** …and may arrive at most this much after the moment it claims (start latency, network, retry). */
export const STREAM_LATE_MS = LATE_ARRIVAL_MS;
/** The longest stretch of the exam between two batches' moments. */
export const STREAM_MAX_GAP_MS = STREAM_INTERVAL_MS + STREAM_LATE_MS;
/** One batch carries a few seconds of typing; a retried batch a little more. */
export const STREAM_MAX_EVENTS = 1000;

export const streamBatchSchema = z.object({
  seq: z.coerce.number().int().min(0).max(10_000),
  at: z.coerce.number().int().min(0).max(3_600_000),
  events: z
    .string()
    .max(16 * 1024)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "exams:err.badLog" });
        return z.NEVER;
      }
    })
    .pipe(z.array(typingEventSchema).max(STREAM_MAX_EVENTS)),
});

export interface ReceivedBatch {
  seq: number;
  /** The page's clock when the batch was cut, ms since the exam started. */
  at: number;
  /** The server's clock when the batch arrived, ms since the attempt started. */
  receivedMs: number;
  /** How long the server kept the batch before answering it (its own queue), ms. */
  heldMs?: number;
  events: TypingEvent[];
}

export interface StreamCheck {
  reasons: StreamReason[];
  events: TypingEvent[];
  batches: number;
  /** The last moment the stream vouches for, ms since the start. */
  coveredMs: number;
}

/** Checks batches (the final one included) in sequence order and joins their events. */
export function checkStream(batches: readonly ReceivedBatch[]): StreamCheck {
  const reasons = new Set<StreamReason>();
  const events: TypingEvent[] = [];
  let previousAt = 0;
  let previousHeld = 0;
  [...batches]
    .sort((a, b) => a.seq - b.seq)
    .forEach((b, i) => {
      if (b.seq !== i) reasons.add("stream-gap");
      // The page cuts the next batch only once the previous one is answered: the time the server
      // itself held that one (measured from its arrival) is not the trainee's gap. Decision 057.
      if (b.at - previousAt > STREAM_MAX_GAP_MS + previousHeld) reasons.add("stream-gap");
      if (b.at > b.receivedMs + STREAM_EARLY_MS) reasons.add("stream-early");
      if (b.at < b.receivedMs - STREAM_LATE_MS) reasons.add("stream-late");
      // Every event of a batch happened between the previous cut and this one.
      if (b.events.some(([t]) => t < previousAt || t > b.at)) reasons.add("stream-mismatch");
      events.push(...b.events);
      previousAt = Math.max(previousAt, b.at);
      previousHeld = Math.max(0, b.heldMs ?? 0);
    });
  return { reasons: [...reasons], events, batches: batches.length, coveredMs: previousAt };
}
