// The content generation: one row bumped by every sync that changed something. Content caches of
// every instance compare it with the generation they were filled at, at most once per
// CHECK_EVERY_MS, and drop themselves when it moved, so a sync on one instance is seen on the
// others within seconds (decision 052).
import { db } from "~/lib/db.server";
import { onContentChanged } from "./sync.server";

const CHECK_EVERY_MS = 2_000;
const state = { seen: null as number | null, checkedAt: 0, checking: null as Promise<void> | null };

export async function contentGeneration(): Promise<number> {
  const row = await db.contentGeneration.findUnique({ where: { id: 1 }, select: { generation: true } });
  return row?.generation ?? 0;
}

/** Called by a sync that changed content: the other instances' caches follow. */
export async function bumpContentGeneration(): Promise<number> {
  const row = await db.contentGeneration.upsert({
    where: { id: 1 },
    create: { id: 1, generation: 1 },
    update: { generation: { increment: 1 } },
    select: { generation: true },
  });
  // This process dropped its caches already (onContentChanged); no need to drop them again.
  state.seen = row.generation;
  state.checkedAt = Date.now();
  return row.generation;
}

/**
 * Drops this process's content caches if another instance synced since the last look. Cheap: one
 * primary-key read every CHECK_EVERY_MS at most, shared by concurrent callers.
 */
export async function followContentGeneration(now = Date.now()): Promise<void> {
  if (now - state.checkedAt < CHECK_EVERY_MS) return;
  state.checking ??= (async () => {
    try {
      const current = await contentGeneration();
      if (state.seen !== null && current !== state.seen) onContentChanged.forEach((fn) => fn());
      state.seen = current;
      state.checkedAt = Date.now();
    } finally {
      state.checking = null;
    }
  })();
  return state.checking;
}

/** Tests: forget what was seen, so the next call reads the database. */
export function resetContentGenerationCheck() {
  state.seen = null;
  state.checkedAt = 0;
}
