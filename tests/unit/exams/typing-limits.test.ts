// The typing log's size bounds: what parses is cheap to score, and a real exam fits the limits.
import { describe, expect, it } from "vitest";
import {
  MAX_LOG_EVENTS,
  MAX_TYPED_CHARS,
  typedLength,
  typingLogSchema,
  type TypingEvent,
} from "~/exams/scoring/typing";
import { TYPING_BODY_LIMIT, TYPING_LOG_MAX_CHARS } from "~/lib/body-limits";

const log = (events: TypingEvent[]) => ({ v: 1, durationMs: 900_000, events });

describe("typing log bounds", () => {
  it("refuses more events than the limit", () => {
    const events = Array.from({ length: MAX_LOG_EVENTS + 1 }, (_, i): TypingEvent => [i, "d", 0]);
    expect(typingLogSchema.safeParse(log(events)).success).toBe(false);
    expect(typingLogSchema.safeParse(log(events.slice(1))).success).toBe(true);
  });

  it("refuses more typed characters than a human can type in the longest exam", () => {
    // 20,000 events of 200 characters each passed before: 4 million characters to score.
    const events = Array.from({ length: 151 }, (_, i): TypingEvent => [i * 1000, "i", "a".repeat(200)]);
    expect(typedLength(events)).toBeGreaterThan(MAX_TYPED_CHARS);
    expect(typingLogSchema.safeParse(log(events)).success).toBe(false);
    expect(typingLogSchema.safeParse(log(events.slice(1))).success).toBe(true);
  });

  it("bounds the scorer's work for any log that parses", () => {
    // The scorer walks each event once and each inserted character once.
    expect(MAX_LOG_EVENTS + MAX_TYPED_CHARS).toBeLessThanOrEqual(50_000);
  });

  it("fits a full-length exam typed at the human maximum inside the body limit", () => {
    // 900 s at 20 events a second, each one Chinese character: the record's arithmetic.
    const events = Array.from({ length: 18_000 }, (_, i): TypingEvent => [900_000 - 18_000 + i, "i", "字"]);
    const json = JSON.stringify(log(events));
    expect(typingLogSchema.safeParse(JSON.parse(json)).success).toBe(true);
    expect(json.length).toBeLessThanOrEqual(TYPING_LOG_MAX_CHARS);
    const body = new URLSearchParams({ intent: "submit", token: "t".repeat(64), log: json }).toString();
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(TYPING_BODY_LIMIT);
  });
});
