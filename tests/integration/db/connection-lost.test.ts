// A connection to PostgreSQL lost in the middle of a request: the answer is 503 (try again later),
// not a 500, and the transaction it was in leaves nothing behind. The backend is killed from a
// second connection while it waits on a table lock the test holds, so the kill lands mid-write.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { addLocalDays, localDay } from "~/lib/clock";
import { databaseFailure } from "~/lib/db/failure";
import { dbEngine, db } from "~/lib/db.server";
import { action as assignAction } from "~/routes/assignments._index";
import { makeRequest } from "../../fixtures/users";
import { world } from "../assignments/helpers";
import { bodyOf, statusOf } from "../workflow/helpers";

describe("database failures that are not the request's fault", () => {
  it("maps a lost connection to 503 and a serialization failure or deadlock to 409; other errors stay errors", () => {
    const lost = Object.assign(new Error("Connection terminated unexpectedly"), {});
    expect(databaseFailure(lost)?.status).toBe(503);
    expect(databaseFailure({ message: "x", cause: { code: "57P01" } })?.status).toBe(503);
    expect(
      databaseFailure({ message: "x", meta: { driverAdapterError: { cause: { originalCode: "40001" } } } })?.status,
    ).toBe(409);
    expect(databaseFailure(new Error("deadlock detected"))?.status).toBe(409);
    expect(databaseFailure(new Error("Unique constraint failed"))).toBeNull();
    expect(databaseFailure(new TypeError("x is undefined"))).toBeNull();
  });
});

// SQLite is a file in the process: it has no connection to lose.
describe.skipIf(dbEngine() !== "postgres")("a connection lost during a request (PostgreSQL)", () => {
  it("answers 503 and writes nothing of the assignment", async () => {
    const w = await world();
    const before = await db.assignment.count();
    const auditsBefore = await db.auditLog.count();
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // The assignment's transaction inserts its rows, then waits for this lock to write the audit line.
      await other.query("BEGIN");
      await other.query(`LOCK TABLE "AuditLog" IN EXCLUSIVE MODE`);
      const request = await makeRequest("/assignments", {
        userId: w.lead.id,
        form: {
          target: `course:${w.c1.id}`,
          teams: [String(w.team.id)],
          dueDay: addLocalDays(localDay(new Date()), 30),
          refresh: "",
        },
      });
      const answer = assignAction({ request, params: {}, context: {} });
      let killed = 0;
      for (let i = 0; i < 200 && killed === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const r = await other.query(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
        );
        killed = r.rowCount ?? 0;
      }
      expect(killed).toBe(1);
      const res = await answer;
      expect(statusOf(res)).toBe(503);
      expect(bodyOf<{ error: string }>(res).error).toBe("common:error.503");
    } finally {
      await other.query("ROLLBACK").catch(() => undefined);
      await other.end();
    }
    expect(await db.assignment.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(auditsBefore);
    // The pool replaces the dead connection: the next request works.
    expect(await db.user.count()).toBeGreaterThan(0);
  });
});
