// Logs a script can produce that used to be stored as valid passes. Each one is refused now.
import { describe, expect, it } from "vitest";
import { scoreTyping, typingPassed, type TypingEvent, type TypingLang } from "~/exams/scoring/typing";
import { checkStream, type ReceivedBatch } from "~/exams/scoring/typing-stream";
import { at } from "../../fixtures/lists";
import { humanEvents } from "../../fixtures/typing-logs";

const ZH = "您好请问有什么可以帮您".repeat(60);
const EN = "thank you for calling how can i help you today ".repeat(40);
const MARK = { minNet: 80, minAccuracy: 0.95 };
const EN_MARK = { minNet: 40, minAccuracy: 0.95 };

function score(lang: TypingLang, events: TypingEvent[], durationMs: number, examMs = durationMs) {
  return scoreTyping({
    log: { v: 1, durationMs, events },
    target: lang === "zh" ? ZH : EN,
    lang,
    examMs,
    serverElapsedMs: durationMs + 200,
  });
}

describe("forged typing logs are refused", () => {
  it("a 180-s exam submitted after 3 s with 8 characters does not pass (scored over 180 s)", () => {
    const events = humanEvents(ZH.slice(0, 8), 300, 2900, 2);
    const f = score("zh", events, 3000, 180_000);
    expect(f.net).toBeLessThan(5);
    expect(typingPassed(f, MARK)).toBe(false);
  });

  it("50 characters in a 2-s log (1,500 a minute) is beyond a human burst", () => {
    const f = score("zh", humanEvents(ZH.slice(0, 50), 0, 1900, 2), 2000);
    expect(f.invalid).toContain("burst");
    expect(typingPassed(f, MARK)).toBe(false);
  });

  it("50 characters in one insert is a paste, though no paste event was sent", () => {
    const events = humanEvents(EN.slice(0, 300), 0, 59_000, 1);
    events.splice(100, 0, [at(events, 99)[0] + 150, "i", EN.slice(300, 350)]);
    const f = score("en", events, 60_000);
    expect(f.invalid).toContain("paste");
    expect(typingPassed(f, EN_MARK)).toBe(false);
  });

  it("49 characters 1 ms apart is not a person", () => {
    const head = humanEvents(EN.slice(0, 200), 0, 40_000, 1);
    const burst = Array.from(EN.slice(200, 249), (ch, i): TypingEvent => [40_300 + i, "i", ch]);
    const tail = humanEvents(EN.slice(249, 400), 40_600, 59_500, 1);
    const f = score("en", [...head, ...burst, ...tail], 60_000);
    expect(f.invalid).toContain("interval");
  });

  it("one character every 500 ms with zero jitter is a metronome", () => {
    const events = Array.from(ZH.slice(0, 119), (ch, i): TypingEvent => [500 + i * 500, "i", ch]);
    const f = score("zh", events, 60_000);
    expect(f.invalid).toEqual(["metronome"]);
    expect(typingPassed(f, MARK)).toBe(false);
  });

  it("an idle tail is not hidden by a zero-length delete or an empty insert at the end", () => {
    const events = humanEvents(ZH.slice(0, 100), 0, 40_000, 2);
    for (const filler of [[59_900, "d", 0] as TypingEvent, [59_900, "i", ""] as TypingEvent]) {
      const f = score("zh", [...events, filler], 60_000);
      expect(f.invalid).toEqual(["idle"]);
    }
  });

  it("a complete, jittered 180-s log composed by a script arrives all at once: refused", () => {
    const events = humanEvents(ZH.slice(0, 300), 0, 179_500, 2);
    // The script sends it in tidy 4-s batches, but they all reach the server at the end.
    const batches: ReceivedBatch[] = [];
    for (let at = 4000, seq = 0, from = 0; from < events.length || at <= 180_000; at += 4000, seq++) {
      const upTo = events.findIndex(([t]) => t > at);
      const to = upTo < 0 ? events.length : upTo;
      batches.push({ seq, at, receivedMs: 180_300, events: events.slice(from, to) });
      from = to;
      if (at >= 180_000) break;
    }
    const f = score("zh", events, 180_000);
    expect(f.invalid).toEqual([]); // timing alone looks human…
    expect(checkStream(batches).reasons).toContain("stream-late"); // …but it was never typed live
  });
});
