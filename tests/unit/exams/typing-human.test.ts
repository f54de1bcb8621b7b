// Each human-timing bound, with hand-made logs on both sides of it (decision record 023).
import { describe, expect, it } from "vitest";
import type { TypingEvent } from "~/exams/scoring/typing";
import {
  HUMAN_BOUNDS,
  MAX_SHORT_RUN,
  MIN_INTERVAL_CV,
  checkHumanTiming,
  inputMoments,
} from "~/exams/scoring/typing-human";
import { checkStream, STREAM_EARLY_MS, STREAM_LATE_MS, STREAM_MAX_GAP_MS } from "~/exams/scoring/typing-stream";
import { humanEvents } from "../../fixtures/typing-logs";

const reasons = (events: TypingEvent[], lang: "zh" | "en" = "zh") => checkHumanTiming(events, lang).reasons;
const background = humanEvents("字".repeat(60), 0, 60_000, 1);
const at = (ms: number, text: string): TypingEvent => [ms, "i", text];

describe("one commit longer than an input method commits is a paste", () => {
  it.each([
    ["zh", "字", HUMAN_BOUNDS.zh.maxCommitChars],
    ["en", "a", HUMAN_BOUNDS.en.maxCommitChars],
  ] as const)("%s: %s × bound is typed, one more is pasted", (lang, ch, bound) => {
    expect(bound).toBe(lang === "zh" ? 10 : 16);
    expect(reasons([at(1000, ch.repeat(bound))], lang)).toEqual([]);
    expect(reasons([at(1000, ch.repeat(bound + 1))], lang)).toEqual(["paste"]);
  });
  it("a rewrite (delete and insert at one moment) counts only the characters it adds", () => {
    const events: TypingEvent[] = [
      at(1000, "您好请问"),
      at(1500, "有什么"),
      [2000, "d", 7],
      at(2000, "您好请问有什么可以帮您"),
    ];
    expect(inputMoments(events).map((m) => m.added)).toEqual([4, 3, 4]);
    expect(reasons(events)).toEqual([]);
  });
});

describe("burst speed: new characters within 2 s", () => {
  it.each([
    ["zh", HUMAN_BOUNDS.zh.burstMaxChars],
    ["en", HUMAN_BOUNDS.en.burstMaxChars],
  ] as const)("%s: the bound in 2 s passes, one more is refused", (lang, bound) => {
    // Two characters a commit, commits 90 ms apart (above the shortest interval), odd one last.
    const make = (n: number) => {
      const events = Array.from({ length: Math.floor(n / 2) }, (_, i) => at(90 * i, "ab"));
      return n % 2 ? [...events, at(90 * events.length, "a")] : events;
    };
    expect(90 * (bound / 2)).toBeLessThan(2000);
    expect(reasons(make(bound), lang)).not.toContain("burst");
    expect(reasons(make(bound + 1), lang)).toContain("burst");
  });
});

describe("shortest interval between inputs", () => {
  const run = (n: number, gap: number) => [
    ...background.filter(([t]) => t < 30_000),
    ...Array.from({ length: n + 1 }, (_, i) => at(30_100 + i * gap, "a")),
    ...background.filter(([t]) => t > 31_000),
  ];
  it(`${MAX_SHORT_RUN} intervals in a row under the bound pass (key roll-over); one more is refused`, () => {
    const min = HUMAN_BOUNDS.en.minIntervalMs;
    expect(reasons(run(MAX_SHORT_RUN, min - 1), "en")).not.toContain("interval");
    expect(reasons(run(MAX_SHORT_RUN + 1, min - 1), "en")).toContain("interval");
    expect(reasons(run(MAX_SHORT_RUN + 10, min), "en")).not.toContain("interval");
  });
});

describe("variability: a metronome is not a person", () => {
  // Intervals alternating a and b: coefficient of variation |a − b| ÷ (a + b).
  const alternating = (a: number, b: number) => {
    let t = 0;
    return Array.from({ length: 40 }, (_, i) => at((t += i % 2 ? a : b), "字"));
  };
  it(`CV ${MIN_INTERVAL_CV + 0.02} passes, ${MIN_INTERVAL_CV - 0.02} and 0 are refused`, () => {
    expect(checkHumanTiming(alternating(880, 1120), "zh")).toMatchObject({ intervalCv: 0.12, reasons: [] });
    expect(checkHumanTiming(alternating(920, 1080), "zh")).toMatchObject({ intervalCv: 0.08, reasons: ["metronome"] });
    expect(reasons(alternating(1000, 1000))).toEqual(["metronome"]);
  });
  it("too few intervals to judge: no verdict", () => {
    expect(checkHumanTiming(alternating(1000, 1000).slice(0, 20), "zh")).toMatchObject({
      intervalCv: null,
      reasons: [],
    });
  });
  it("a person-like log passes every check", () => {
    expect(checkHumanTiming(humanEvents("您好请问".repeat(75), 0, 180_000, 2), "zh").reasons).toEqual([]);
  });
});

describe("the live stream: a batch's moment agrees with its arrival", () => {
  const batch = (seq: number, atMs: number, receivedMs: number, events: TypingEvent[] = []) => ({
    seq,
    at: atMs,
    receivedMs,
    events,
  });
  it("arriving up to the tolerance late or early passes; beyond it is refused", () => {
    expect(checkStream([batch(0, 4000, 4000 + STREAM_LATE_MS)]).reasons).toEqual([]);
    expect(checkStream([batch(0, 4000, 4001 + STREAM_LATE_MS)]).reasons).toEqual(["stream-late"]);
    expect(checkStream([batch(0, 4000, 4000 - STREAM_EARLY_MS)]).reasons).toEqual([]);
    expect(checkStream([batch(0, 4000, 3999 - STREAM_EARLY_MS)]).reasons).toEqual(["stream-early"]);
  });
  it("a log replayed twice as fast or half as fast as it claims is refused", () => {
    const claims = [4000, 8000, 12_000, 16_000];
    expect(checkStream(claims.map((c, i) => batch(i, c, c / 2))).reasons).toContain("stream-early");
    expect(checkStream(claims.map((c, i) => batch(i, c, c * 2))).reasons).toContain("stream-late");
    expect(checkStream(claims.map((c, i) => batch(i, c, c + 300))).reasons).toEqual([]);
  });
  it("a silent stretch longer than the gap, a missing sequence number, or an event outside its batch", () => {
    expect(checkStream([batch(0, STREAM_MAX_GAP_MS, STREAM_MAX_GAP_MS)]).reasons).toEqual([]);
    expect(checkStream([batch(0, STREAM_MAX_GAP_MS + 1, STREAM_MAX_GAP_MS + 1)]).reasons).toEqual(["stream-gap"]);
    expect(checkStream([batch(0, 4000, 4000), batch(2, 8000, 8000)]).reasons).toEqual(["stream-gap"]);
    expect(checkStream([batch(0, 4000, 4000, [at(3000, "a")]), batch(1, 8000, 8000, [at(2000, "b")])]).reasons).toEqual(
      ["stream-mismatch"],
    );
  });
});
