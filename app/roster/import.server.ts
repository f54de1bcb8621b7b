// Loads what a roster file is checked against, and stores a checked file in one transaction.
import { writeAudit } from "~/admin/audit.server";
import { onPostgres, withPgParams } from "~/lib/db/sql.server";
import type { Tx } from "~/lib/db.server";
import { db } from "~/lib/db.server";
import { conflict, invalid } from "~/lib/errors";
import { linesToStore, planRoster, type RosterContext, type RosterLine } from "./plan";

// Rows per statement. A 3-month roster of 2,000 agents is ~180,000 lines: Prisma's createMany
// took minutes. Each INSERT carries its rows as ONE bound JSON array that SQLite unpacks itself
// (json_each; json_array_elements on PostgreSQL): no limit on bound parameters to respect, and no per-value cost in the client.
const ROWS_PER_INSERT = 10_000;
// People per DELETE: one bound value each, plus the period's two days.
const PEOPLE_PER_DELETE = 5000;
// A big import is one long write; Prisma's default (5 s) would roll it back on a busy machine.
const IMPORT_TIMEOUT_MS = 60_000;

async function loadContext(tx: Tx | typeof db): Promise<RosterContext> {
  // One after the other: inside a transaction both would share one connection.
  const people = await tx.user.findMany({ where: { active: true }, select: { id: true, employeeNo: true } });
  const codes = await tx.shiftCode.findMany({ select: { code: true, startMin: true, endMin: true, rest: true } });
  return {
    people: new Map(people.map((p) => [p.employeeNo, p.id])),
    codes: new Map(codes.map((c) => [c.code, c])),
  };
}

export async function previewRoster(text: string) {
  return planRoster(text, await loadContext(db));
}

const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(",");

/** Removes these people's entries from `from` to `to`: one statement per few thousand people. */
async function deletePeriod(tx: Tx, people: number[], from: string, to: string): Promise<number> {
  let replaced = 0;
  for (let i = 0; i < people.length; i += PEOPLE_PER_DELETE) {
    const chunk = people.slice(i, i + PEOPLE_PER_DELETE);
    replaced += await tx.$executeRawUnsafe(
      withPgParams(
        `DELETE FROM "RosterEntry" WHERE "day" >= ? AND "day" <= ? AND "userId" IN (${placeholders(chunk.length)})`,
      ),
      from,
      to,
      ...chunk,
    );
  }
  return replaced;
}

const INSERT_SQLITE = `INSERT INTO "RosterEntry" ("userId","day","code","startMin","endMin","rest")
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?)`;
// PostgreSQL unpacks the same array with json_array_elements and needs the column types named.
const INSERT_POSTGRES = `INSERT INTO "RosterEntry" ("userId","day","code","startMin","endMin","rest")
  SELECT (e->>0)::int, e->>1, e->>2, (e->>3)::int, (e->>4)::int, (e->>5)::int <> 0
  FROM json_array_elements($1::json) AS t(e)`;

async function insertLines(tx: Tx, lines: RosterLine[]) {
  for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
    const rows = lines
      .slice(i, i + ROWS_PER_INSERT)
      .map((l) => [l.userId, l.day, l.code, l.startMin, l.endMin, l.rest ? 1 : 0]);
    await tx.$executeRawUnsafe(onPostgres() ? INSERT_POSTGRES : INSERT_SQLITE, JSON.stringify(rows));
  }
}

/**
 * Stores a roster file. The plan is computed again inside the transaction. Lines with errors
 * stop the import unless `skip` says how many bad lines the person saw and agreed to leave out
 * (a different number means the data changed since the preview: 409). Re-importing replaces,
 * for each person with a stored line, every entry from the file's first day to its last.
 */
export async function applyRoster(actorId: number, text: string, skip: number | null = null) {
  return db.$transaction(
    async (tx) => {
      const plan = planRoster(text, await loadContext(tx));
      if (plan.fileErrors.length) throw conflict("roster:import.err.changed");
      if (plan.counts.badLines > 0 && plan.counts.badLines !== skip) throw conflict("roster:import.err.changed");
      const lines = linesToStore(plan);
      if (!lines.length || !plan.period) throw invalid("roster:import.err.nothing", { field: "file" });
      const { from, to } = plan.period;
      const people = [...new Set(lines.map((l) => l.userId!))];
      const replaced = await deletePeriod(tx, people, from, to);
      await insertLines(tx, lines);
      const counts = { lines: lines.length, people: people.length, skipped: plan.counts.badLines, replaced, from, to };
      await writeAudit(tx, actorId, "roster.import", null, counts, { kind: "roster", id: null });
      return counts;
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
}
