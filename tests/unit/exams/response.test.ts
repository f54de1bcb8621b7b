import { describe, expect, it } from "vitest";
import { ACK_GRACE_MS, minHumanMs, shownAt, typedKeystrokes } from "~/exams/scoring/human-timing";
import { quickReplyCorrect, quickReplyPassed, scoreQuickReply } from "~/exams/scoring/quick-reply";
import { responsePassed, scoreResponse, type DrillMessageOutcome } from "~/exams/scoring/response";
import { mean, median, percentile } from "~/exams/scoring/stats";

const PHRASES = new Map([["kd1", "亲，您的包裹已由顺丰发出，运单号可在订单详情里查看。"]]);

describe("human timing", () => {
  it("a phrase inserted whole counts a few keystrokes; typed text counts every character", () => {
    expect(typedKeystrokes("/kd1", PHRASES)).toBe(4);
    expect(typedKeystrokes(`${PHRASES.get("kd1")}`, PHRASES)).toBe(4);
    expect(typedKeystrokes("您好 请稍等", PHRASES)).toBe(5);
  });
  it("the floor grows with the message read and the reply typed", () => {
    // 0.8 s + 10 characters at 25/s (0.4 s) + 5 typed at 10/s (0.5 s) = 1.7 s.
    expect(minHumanMs("一二三四五六七八九十", "您好请稍等", PHRASES)).toBeCloseTo(1700, 6);
  });
  it("a message counts as shown at the acknowledgement, never before release, at most the grace after", () => {
    expect(shownAt(10_000, null)).toBe(10_000);
    expect(shownAt(10_000, 9_000)).toBe(10_000);
    expect(shownAt(10_000, 11_000)).toBe(11_000);
    expect(shownAt(10_000, 60_000)).toBe(10_000 + ACK_GRACE_MS);
  });
});

describe("stats", () => {
  it("median of an even count is the mean of the middle two; p90 is nearest-rank", () => {
    expect(median([60, 12, 30, 15])).toBe(22.5);
    expect(percentile([12, 15, 30, 60], 90)).toBe(60);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(mean([])).toBe(0);
  });
});

describe("response-time drill (hand-computed)", () => {
  // Released at 0, 20, 40, 100 s; replied at 12, 35, 100 s; the last never; closed at 130 s.
  // Times 12, 15, 60, 30 → first 12, mean 29.25, median 22.5, p90 60; complete 2 of 4.
  const messages: DrillMessageOutcome[] = [
    {
      messageId: "m1",
      releasedAt: 0,
      repliedAt: 12_000,
      reply: "您好，请提供订单号，我马上为您查询。",
      facts: [{ label: "ask order number", keywords: ["订单号"] }],
    },
    {
      messageId: "m2",
      releasedAt: 20_000,
      repliedAt: 35_000,
      reply: "好的，请稍等。",
      facts: [{ label: "ship date", keywords: ["48小时", "两天"] }],
    },
    {
      messageId: "m3",
      releasedAt: 40_000,
      repliedAt: 100_000,
      reply: "/kd1 还有其他问题吗？",
      facts: [{ label: "tracking", keywords: [], phrase: "kd1" }],
    },
    {
      messageId: "m4",
      releasedAt: 100_000,
      repliedAt: null,
      reply: "",
      facts: [{ label: "thanks", keywords: ["感谢"] }],
    },
  ];
  // The unanswered m4 counts the (here 30-s) time limit.
  const f = scoreResponse(messages, PHRASES, { limitSeconds: 30 });
  it("first, mean, median and p90 in seconds", () => {
    expect(f.first).toBe(12);
    expect(f.mean).toBe(29.25);
    expect(f.median).toBe(22.5);
    expect(f.p90).toBe(60);
  });
  it("completeness by keywords and phrase text; unanswered counts as incomplete", () => {
    expect(f.completeness).toBe(0.5);
    expect(f.perMessage.map((p) => p.complete)).toEqual([true, false, true, false]);
    expect(f.perMessage[1]?.missing).toEqual(["ship date"]);
    expect(f.answered).toBe(3);
  });
  it("pass marks", () => {
    expect(responsePassed(f, { maxMeanSeconds: 30, maxP90Seconds: 60, minComplete: 0.5 })).toBe(true);
    expect(responsePassed(f, { maxMeanSeconds: 30, maxP90Seconds: 60, minComplete: 0.8 })).toBe(false);
    expect(responsePassed(f, { maxMeanSeconds: 29, maxP90Seconds: 60, minComplete: 0.5 })).toBe(false);
  });
  it("keywords ignore punctuation, width and case", () => {
    const g = scoreResponse(
      [
        {
          messageId: "a",
          releasedAt: 0,
          repliedAt: 1000,
          reply: "ＳＦ express, order No.",
          facts: [{ label: "x", keywords: ["sf express"] }],
        },
      ],
      PHRASES,
      { limitSeconds: 600 },
    );
    expect(g.completeness).toBe(1);
  });
});

describe("quick-reply correctness", () => {
  const phrase = { shortcut: "kd1", text: "亲，您的包裹已由顺丰发出，运单号可在订单详情里查看。" };
  it("accepts the shortcut with or without the slash, and the full text", () => {
    expect(quickReplyCorrect("/kd1", phrase)).toBe(true);
    expect(quickReplyCorrect("KD1", phrase)).toBe(true);
    expect(quickReplyCorrect("亲 您的包裹已由顺丰发出 运单号可在订单详情里查看", phrase)).toBe(true);
  });
  it("refuses another shortcut or a partial text", () => {
    expect(quickReplyCorrect("/kd2", phrase)).toBe(false);
    expect(quickReplyCorrect("亲，您的包裹已由顺丰发出", phrase)).toBe(false);
    expect(quickReplyCorrect("", phrase)).toBe(false);
  });
  it("scores share correct and mean seconds (hand-computed: 2 of 3, (4+6+20)/3 = 10 s)", () => {
    const f = scoreQuickReply(
      [
        { questionId: "a", releasedAt: 0, answeredAt: 4000, correct: true },
        { questionId: "b", releasedAt: 4000, answeredAt: 10_000, correct: true },
        { questionId: "c", releasedAt: 10_000, answeredAt: null, correct: true },
      ],
      30_000,
    );
    expect(f.correct).toBe(2);
    expect(f.correctShare).toBe(0.6667);
    expect(f.meanSeconds).toBe(10);
    expect(quickReplyPassed(f, { minCorrect: 0.6, maxMeanSeconds: 10 })).toBe(true);
    expect(quickReplyPassed(f, { minCorrect: 0.8, maxMeanSeconds: 10 })).toBe(false);
  });
});
