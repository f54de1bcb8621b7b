// The stream check and the server's own queue (decision 057): the page cuts its next batch only
// once the previous one is answered, so the time the server held that batch may lengthen the gap;
// nothing else may.
import { describe, expect, it } from "vitest";
import { checkStream, STREAM_MAX_GAP_MS, type ReceivedBatch } from "~/exams/scoring/typing-stream";

const batch = (seq: number, at: number, receivedMs: number, heldMs = 0): ReceivedBatch => ({
  seq,
  at,
  receivedMs,
  heldMs,
  events: [],
});

describe("stream gaps and the server's wait", () => {
  const gap = STREAM_MAX_GAP_MS + 3000;

  it("a gap no longer than the server held the batch before it is not the trainee's", () => {
    const batches = [batch(0, 4000, 4300, 3500), batch(1, 4000 + gap, 4300 + gap)];
    expect(checkStream(batches).reasons).toEqual([]);
  });

  it("the same gap after a batch answered at once is a gap", () => {
    const batches = [batch(0, 4000, 4300, 10), batch(1, 4000 + gap, 4300 + gap)];
    expect(checkStream(batches).reasons).toEqual(["stream-gap"]);
  });

  it("a wait on an earlier batch excuses nothing later on", () => {
    const batches = [batch(0, 4000, 4300, 20_000), batch(1, 8000, 8300), batch(2, 8000 + gap, 8300 + gap)];
    expect(checkStream(batches).reasons).toEqual(["stream-gap"]);
  });

  it("a batch that reached the server late is late, however long the server then held it", () => {
    const batches = [batch(0, 4000, 4300 + STREAM_MAX_GAP_MS, 60_000)];
    expect(checkStream(batches).reasons).toEqual(["stream-late"]);
  });
});
