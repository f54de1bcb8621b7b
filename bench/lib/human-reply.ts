// A virtual trainee's chat replies in the response drill: a sensible answer to the courier script
// and the time a person takes to read the message and write it.
import { minHumanMs } from "../../app/exams/scoring/human-timing";

/** Answers to the courier-delay script's messages; any other message gets a polite holding reply. */
const ANSWERS: Record<string, string> = {
  m1: "您好，请提供订单号，我马上为您查询。",
  m2: "/fh1",
  m3: "非常理解您着急，/kd2",
  m4: "/th1",
  m5: "/fp1",
  m6: "感谢您的耐心，祝您生活愉快！",
};
const HOLDING = "您好，非常理解您的心情，我马上为您核实处理。";

export function replyFor(messageId: string): string {
  return ANSWERS[messageId] ?? HOLDING;
}

/**
 * How long after seeing `message` the trainee sends `reply`: between 1.5 and 2.5 times the least a
 * person needs (every character counted as typed, so a shortcut is never cheaper than the app
 * reckons), plus one to three seconds of thinking.
 */
export function humanReplyDelayMs(message: string, reply: string, random: () => number): number {
  return Math.round(minHumanMs(message, reply, new Map()) * (1.5 + random()) + 1000 + random() * 2000);
}
