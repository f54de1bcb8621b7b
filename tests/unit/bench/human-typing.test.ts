// The bench's virtual trainees must look like people to the app's own checks: otherwise a bench
// run reports invalid results that say nothing about the server.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tooFast } from "~/exams/scoring/human-timing";
import { scoreTyping, type TypingEvent } from "~/exams/scoring/typing";
import { checkHumanTiming } from "~/exams/scoring/typing-human";
import { checkStream, STREAM_INTERVAL_MS, type ReceivedBatch } from "~/exams/scoring/typing-stream";
import { humanReplyDelayMs, replyFor } from "../../../bench/lib/human-reply";
import { eventsUpTo, humanTypingEvents, seededRandom } from "../../../bench/lib/human-typing";

const passages = (parse(readFileSync("content/exams/typing/zh.yaml", "utf8")) as { passages: { text: string }[] })
  .passages;
const EXAM_MS = 180_000;

/** The batches a page cuts every interval (plus up to 100 ms of timer), each arriving `lagMs` later. */
function streamed(events: TypingEvent[], durationMs: number, lagMs: number, random: () => number) {
  const batches: ReceivedBatch[] = [];
  let sent = 0;
  for (let at = STREAM_INTERVAL_MS; at < durationMs; at += STREAM_INTERVAL_MS + Math.round(random() * 100)) {
    const batch = eventsUpTo(events, sent, at);
    batches.push({ seq: batches.length, at, receivedMs: at + lagMs, events: batch });
    sent += batch.length;
  }
  batches.push({ seq: batches.length, at: durationMs, receivedMs: durationMs + lagMs, events: events.slice(sent) });
  return batches;
}

describe("the bench's human-like typing", () => {
  it.each(passages.flatMap((p, i) => [1, 2, 3].map((seed) => [i, seed, p.text] as const)))(
    "passage %i, trainee %i: the app scores a valid log near 100 characters a minute",
    (_i, seed, target) => {
      const events = humanTypingEvents(target, EXAM_MS, seededRandom(seed));
      const durationMs = EXAM_MS + 40;
      const stream = checkStream(streamed(events, durationMs, 150, seededRandom(seed + 99)));
      expect(stream.reasons).toEqual([]);
      expect(stream.events).toEqual(events);
      const figures = scoreTyping({
        log: { v: 1, durationMs, events: stream.events },
        target,
        lang: "zh",
        examMs: EXAM_MS,
        serverElapsedMs: durationMs + 300,
      });
      expect(figures.invalid).toEqual([]);
      expect(figures.raw).toBeGreaterThan(85);
      expect(figures.raw).toBeLessThan(125);
      expect(figures.accuracy).toBeGreaterThan(0.9);
    },
  );

  it("commits 1–4 characters at uneven moments, in order, within the exam", () => {
    const events = humanTypingEvents(passages[0]!.text, EXAM_MS, seededRandom(7));
    const commits = events.filter((e) => e[1] === "i").map((e) => Array.from(String(e[2])).length);
    expect(Math.min(...commits)).toBe(1);
    expect(Math.max(...commits)).toBe(4);
    expect(events.every((e, k) => k === 0 || e[0] >= events[k - 1]![0])).toBe(true);
    expect(events.at(-1)![0]).toBeLessThan(EXAM_MS);
    expect(checkHumanTiming(events, "zh").intervalCv).toBeGreaterThan(0.3);
  });

  it("a batch takes exactly the events that happened since the last one", () => {
    const events: TypingEvent[] = [
      [100, "i", "您"],
      [900, "i", "好"],
      [4100, "i", "欢迎"],
    ];
    expect(eventsUpTo(events, 0, 4000)).toEqual(events.slice(0, 2));
    expect(eventsUpTo(events, 2, 4000)).toEqual([]);
    expect(eventsUpTo(events, 2, 4100)).toEqual(events.slice(2));
  });
});

describe("the bench's human-paced drill replies", () => {
  // Shortcuts stand for long texts: the app counts them as a few keystrokes.
  const phrases = new Map([
    ["fh1", "亲，大促期间我们会按付款顺序尽快为您安排发货，发出后会第一时间短信通知您。"],
    ["kd2", "亲，非常抱歉，目前仓库统一安排快递，暂时无法指定快递公司。"],
    ["th1", "亲，未发货的订单您可以直接申请退款，系统会自动处理。"],
    ["fp1", "亲，我们支持开具电子发票，您在订单详情里填写发票抬头即可。"],
  ]);
  const message = "你好，我11号拍的面霜，到现在还没发货，怎么回事？";

  it.each(["m1", "m2", "m3", "m4", "m5", "m6", "other"])("the reply to %s is never too fast", (id) => {
    const reply = replyFor(id);
    const quickest = humanReplyDelayMs(message, reply, () => 0);
    expect(tooFast(0, quickest, message, reply, phrases)).toBe(false);
    expect(tooFast(0, quickest, message, reply, new Map())).toBe(false);
  });
});
