import { describe, expect, it } from "vitest";
import { scoreTyping, typingLogSchema, typingPassed, type TypingEvent } from "~/exams/scoring/typing";

const ZH = "您好请问有什么可以帮您";

function zh(events: TypingEvent[], opts: { durationMs?: number; serverElapsedMs?: number; examMs?: number } = {}) {
  const durationMs = opts.durationMs ?? 60_000;
  return scoreTyping({
    log: { v: 1, durationMs, events },
    target: ZH,
    lang: "zh",
    examMs: opts.examMs ?? 60_000,
    serverElapsedMs: opts.serverElapsedMs ?? durationMs + 400,
  });
}

describe("typing: Chinese, one minute, one corrected error (hand-computed)", () => {
  // 您好 | 青 (wrong, deleted) | 请问 | 有什么 | 可以  → typed 10, correct when typed 9, final 9 all right.
  const f = zh([
    [1000, "i", "您好"],
    [2500, "i", "青"],
    [3000, "d", 1],
    [3500, "i", "请问"],
    [55_000, "i", "有什么"],
    [59_000, "i", "可以"],
  ]);
  it("net CPM = correct characters ÷ minutes = 9 ÷ 1", () => expect(f.net).toBe(9));
  it("raw speed = every character typed ÷ minutes = 10", () => expect(f.raw).toBe(10));
  it("accuracy = 9 correct ÷ 10 typed; the corrected error still counts", () => expect(f.accuracy).toBe(0.9));
  it("counts and unit", () => {
    expect(f).toMatchObject({ unit: "cpm", correctChars: 9, typedChars: 10, finalChars: 9, errors: 1, invalid: [] });
  });
  it("is valid and passes only a mark it reaches", () => {
    expect(typingPassed(f, { minNet: 9, minAccuracy: 0.9 })).toBe(true);
    expect(typingPassed(f, { minNet: 80, minAccuracy: 0.95 })).toBe(false);
  });
});

describe("typing: English WPM and consistency (hand-computed)", () => {
  // Per second correct characters [2, 4, 2, 4]: mean 3, population sd 1 → consistency 1 − 1/3.
  const f = scoreTyping({
    log: {
      v: 1,
      durationMs: 4000,
      events: [
        [100, "i", "ab"],
        [1100, "i", "cdef"],
        [2100, "i", "gh"],
        [3100, "i", "ijkl"],
      ],
    },
    target: "abcdefghijkl",
    lang: "en",
    examMs: 4000,
    serverElapsedMs: 4200,
  });
  it("WPM = 12 correct ÷ 5 ÷ (4/60) min = 36", () => {
    expect(f.unit).toBe("wpm");
    expect(f.net).toBe(36);
    expect(f.raw).toBe(36);
  });
  it("consistency = 1 − sd/mean = 0.6667, sd = 1 char/s", () => {
    expect(f.perSecondStdev).toBe(1);
    expect(f.consistency).toBe(0.6667);
  });
  it("a 250-correct, 260-typed minute is 50 WPM net, 52 raw", () => {
    const target = "a".repeat(300);
    const events: TypingEvent[] = [];
    for (let i = 0; i < 26; i++) events.push([i * 2000 + 1000, "i", i === 25 ? "bbbbbbbbbb" : "aaaaaaaaaa"]);
    const g = scoreTyping({
      log: { v: 1, durationMs: 60_000, events },
      target,
      lang: "en",
      examMs: 60_000,
      serverElapsedMs: 60_000,
    });
    expect(g.correctChars).toBe(250);
    expect(g.net).toBe(50);
    expect(g.raw).toBe(52);
  });
});

describe("typing: invalid logs", () => {
  // Roughly every 2 s, unevenly (an even rhythm is a metronome, decision record 023).
  const steady: TypingEvent[] = Array.from(
    { length: 30 },
    (_, i) => [i * 2000 + 500 + ((i * 7) % 5) * 250, "i", ZH[i % ZH.length]] as TypingEvent,
  );
  it("a steady log is valid", () => expect(zh(steady).invalid).toEqual([]));
  it("a log claiming more time than the server saw pass is refused (a second of skew allowed)", () => {
    expect(zh(steady, { serverElapsedMs: 58_800 }).invalid).toContain("clock");
    expect(zh(steady, { serverElapsedMs: 59_100 }).invalid).not.toContain("clock");
  });
  it("a log may arrive up to 5 s after the time it claims (a busy server), not more", () => {
    expect(zh(steady, { serverElapsedMs: 64_900 }).invalid).not.toContain("clock");
    expect(zh(steady, { serverElapsedMs: 65_200 }).invalid).toContain("clock");
  });
  it("paste and drop", () => {
    expect(zh([...steady, [59_800, "p", 40]]).invalid).toContain("paste");
    expect(zh([...steady, [59_800, "x", 40]]).invalid).toContain("drop");
  });
  it("timestamps out of order", () =>
    expect(
      zh([
        [5000, "i", "您"],
        [4000, "i", "好"],
        [59_000, "i", "请"],
      ]).invalid,
    ).toContain("order"));
  it("a timestamp from the future (after the server received the log)", () => {
    const f = zh(
      [
        [10_000, "i", "您"],
        [45_000, "i", "好"],
      ],
      { durationMs: 30_000, serverElapsedMs: 30_000 },
    );
    expect(f.invalid).toContain("future");
  });
  it("a log longer than the exam", () => {
    expect(zh(steady, { durationMs: 70_000, serverElapsedMs: 70_000 }).invalid).toContain("too-long");
  });
  it("beyond human: more than 300 Chinese characters a minute sustained over 10 s", () => {
    const burst: TypingEvent[] = [...steady.slice(0, 10)];
    for (let i = 0; i < 10; i++) burst.push([30_000 + i * 1000, "i", "您好请问有什"]); // 60 characters in 10 s = 360/min
    burst.push(...steady.slice(21));
    expect(zh(burst).invalid).toContain("superhuman");
    expect(zh(steady).invalid).not.toContain("superhuman");
  });
  it("idle for the last 10 seconds", () => {
    expect(zh(steady.filter(([t]) => t < 45_000)).invalid).toContain("idle");
  });
  it("the log schema refuses unknown event kinds and non-numeric times", () => {
    expect(typingLogSchema.safeParse({ v: 1, durationMs: 1, events: [[1, "z", "a"]] }).success).toBe(false);
    expect(typingLogSchema.safeParse({ v: 1, durationMs: 1, events: [["1", "i", "a"]] }).success).toBe(false);
    expect(
      typingLogSchema.safeParse({
        v: 1,
        durationMs: 1,
        events: [
          [1, "i", "a"],
          [2, "d", 1],
        ],
      }).success,
    ).toBe(true);
  });
});

describe("typing: the passage is never looped", () => {
  it("typing the passage a second time past its end scores nothing more", () => {
    const once = Array.from(ZH).map((ch, i): TypingEvent => [1000 + i * 2000, "i", ch]);
    const again = Array.from(ZH).map((ch, i): TypingEvent => [30_000 + i * 2000, "i", ch]);
    const f = zh([...once, ...again]);
    expect(f.correctChars).toBe(ZH.length);
    expect(f.typedChars).toBe(ZH.length * 2);
  });
});
