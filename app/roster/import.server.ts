// Loads what a roster file is checked against, and stores a checked file in one transaction.
import { writeAudit } from "~/admin/audit.server";
import type { Tx } from "~/lib/db.server";
import { db } from "~/lib/db.server";
import { conflict, invalid } from "~/lib/errors";
import { linesToStore, planRoster, type RosterContext } from "./plan";

// Rows per statement: well under SQLite's limit on bound parameters (7 columns a row).
const BATCH = 2000;

async function loadContext(tx: Tx | typeof db): Promise<RosterContext> {
  const [people, codes] = await Promise.all([
    tx.user.findMany({ where: { active: true }, select: { id: true, employeeNo: true } }),
    tx.shiftCode.findMany({ select: { code: true, startMin: true, endMin: true, rest: true } }),
  ]);
  return {
    people: new Map(people.map((p) => [p.employeeNo, p.id])),
    codes: new Map(codes.map((c) => [c.code, c])),
  };
}

export async function previewRoster(text: string) {
  return planRoster(text, await loadContext(db));
}

/**
 * Stores a roster file. The plan is computed again inside the transaction. Lines with errors
 * stop the import unless `skip` says how many bad lines the person saw and agreed to leave out
 * (a different number means the data changed since the preview: 409). Re-importing replaces,
 * for each person with a stored line, every entry from the file's first day to its last.
 */
export async function applyRoster(actorId: number, text: string, skip: number | null = null) {
  return db.$transaction(async (tx) => {
    const plan = planRoster(text, await loadContext(tx));
    if (plan.fileErrors.length) throw conflict("roster:import.err.changed");
    if (plan.counts.badLines > 0 && plan.counts.badLines !== skip) throw conflict("roster:import.err.changed");
    const lines = linesToStore(plan);
    if (!lines.length || !plan.period) throw invalid("roster:import.err.nothing", { field: "file" });
    const { from, to } = plan.period;
    const people = [...new Set(lines.map((l) => l.userId!))];
    let replaced = 0;
    for (let i = 0; i < people.length; i += BATCH) {
      const { count } = await tx.rosterEntry.deleteMany({
        where: { userId: { in: people.slice(i, i + BATCH) }, day: { gte: from, lte: to } },
      });
      replaced += count;
    }
    for (let i = 0; i < lines.length; i += BATCH) {
      await tx.rosterEntry.createMany({
        data: lines.slice(i, i + BATCH).map((l) => ({
          userId: l.userId!,
          day: l.day,
          code: l.code,
          startMin: l.startMin,
          endMin: l.endMin,
          rest: l.rest,
        })),
      });
    }
    const counts = { lines: lines.length, people: people.length, skipped: plan.counts.badLines, replaced, from, to };
    await writeAudit(tx, actorId, "roster.import", null, counts, { kind: "roster", id: null });
    return counts;
  });
}
