// The chat-like exams (response drill, quick-reply test) share one mechanism: the server
// releases one item at a time and timestamps it; a reply is accepted only for the item that is
// out and not yet answered, and is timestamped on arrival. Times come from these stamps alone.
import type { Tx } from "~/lib/db.server";
import { conflict, invalid } from "~/lib/errors";
import { type ClaimedAttempt } from "./attempts.server";

export interface SequenceEvent {
  seq: number;
  type: string;
  ref: string;
  body: string;
  at: Date;
}

export async function sequenceEvents(tx: Tx, attemptId: number): Promise<SequenceEvent[]> {
  return tx.examEvent.findMany({
    where: { attemptId },
    orderBy: { seq: "asc" },
    select: { seq: true, type: true, ref: true, body: true, at: true },
  });
}

export async function release(tx: Tx, attemptId: number, seq: number, ref: string, at: Date) {
  await tx.examEvent.create({ data: { attemptId, seq, type: "release", ref, at }, select: { id: true } });
}

/** The item that is out and unanswered, if any. */
export function currentItem(events: SequenceEvent[]): string | null {
  const released = events.filter((e) => e.type === "release").map((e) => e.ref);
  const answered = new Set(events.filter((e) => e.type === "reply").map((e) => e.ref));
  return released.find((r) => !answered.has(r)) ?? null;
}

/**
 * Records a reply to `ref` and releases the next item (same moment). Refuses a reply to an item
 * not released yet (400) or already answered (409).
 */
export async function recordReply(
  tx: Tx,
  attempt: ClaimedAttempt,
  order: string[],
  ref: string,
  body: string,
  at: Date,
) {
  const events = await sequenceEvents(tx, attempt.id);
  const released = new Set(events.filter((e) => e.type === "release").map((e) => e.ref));
  if (!order.includes(ref)) throw invalid("exams:err.unknownItem");
  if (!released.has(ref)) throw invalid("exams:err.notReleased");
  if (events.some((e) => e.type === "reply" && e.ref === ref)) throw conflict("exams:err.alreadyAnswered");
  let seq = (events.at(-1)?.seq ?? -1) + 1;
  await tx.examEvent.create({
    data: { attemptId: attempt.id, seq: seq++, type: "reply", ref, body, at },
    select: { id: true },
  });
  const next = order.find((id) => !released.has(id));
  if (next) await release(tx, attempt.id, seq, next, at);
  return { next: next ?? null, events: [...events, { seq: seq - 1, type: "reply", ref, body, at }] };
}

/**
 * The page reports that it has shown the item that is out. Only the first report counts; one for
 * an item not out (or already answered) is refused.
 */
export async function recordAck(tx: Tx, attempt: ClaimedAttempt, ref: string, at: Date) {
  const events = await sequenceEvents(tx, attempt.id);
  if (currentItem(events) !== ref) throw invalid("exams:err.notReleased");
  if (events.some((e) => e.type === "ack" && e.ref === ref)) return;
  const seq = (events.at(-1)?.seq ?? -1) + 1;
  await tx.examEvent.create({ data: { attemptId: attempt.id, seq, type: "ack", ref, at }, select: { id: true } });
}

/** For scoring: each item's release, acknowledgement and reply moments (ms) and the reply text. */
export function outcomes(events: SequenceEvent[], order: string[]) {
  return order
    .map((ref) => {
      const rel = events.find((e) => e.type === "release" && e.ref === ref);
      const ack = events.find((e) => e.type === "ack" && e.ref === ref);
      const rep = events.find((e) => e.type === "reply" && e.ref === ref);
      return rel
        ? {
            ref,
            releasedAt: rel.at.getTime(),
            ackAt: ack ? ack.at.getTime() : null,
            repliedAt: rep ? rep.at.getTime() : null,
            body: rep?.body ?? "",
          }
        : null;
    })
    .filter((o): o is NonNullable<typeof o> => o !== null);
}
