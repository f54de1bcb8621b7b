// Database failures that are not the request's fault, told apart from real bugs so the answer is
// honest: the connection to the database server was lost (503, try again later), or PostgreSQL
// gave up a transaction because of a concurrent one (serialization failure / deadlock: 409, try
// again). Either way the transaction rolled back, so nothing is half-written. Prisma wraps the pg
// driver's error, so the chain (cause, meta) is searched for the driver's code or message.
import { DomainError } from "../errors";

// SQLSTATE classes 08 (connection exception) and 57P0x (operator intervention: the backend was
// terminated, the server is shutting down or cannot accept connections yet); Node's socket codes;
// Prisma's "cannot reach" / "server closed the connection".
const LOST_CODES = new Set([
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
  "57P01",
  "57P02",
  "57P03",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "P1001",
  "P1017",
]);
const LOST_TEXT =
  /Connection terminated|connection.*(closed|lost|ended)|terminating connection|ConnectionClosed|Server has closed the connection|Can't reach database server|ECONNRESET|ECONNREFUSED/i;
// 40001 serialization_failure, 40P01 deadlock_detected; P2034 is Prisma's name for both.
const RETRY_CODES = new Set(["40001", "40P01", "P2034"]);
const RETRY_TEXT = /TransactionWriteConflict|could not serialize access|deadlock detected/i;

/** The errors of the chain: the error itself, its causes and what Prisma keeps in `meta`. */
function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  const queue = [e];
  while (queue.length && out.length < 10) {
    const x = queue.shift();
    if (!x || typeof x !== "object" || out.includes(x)) continue;
    out.push(x);
    const o = x as { cause?: unknown; meta?: Record<string, unknown> };
    queue.push(o.cause);
    if (o.meta) queue.push(o.meta, ...Object.values(o.meta));
  }
  return out;
}

function matches(e: unknown, codes: Set<string>, text: RegExp): boolean {
  return chain(e).some((x) => {
    const o = x as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown };
    return (
      [o.code, o.originalCode, o.kind].some((c) => typeof c === "string" && codes.has(c)) ||
      [o.message, o.kind].some((m) => typeof m === "string" && text.test(m))
    );
  });
}

/** The refusal a database failure stands for, or null when it is something else (a bug: 500). */
export function databaseFailure(e: unknown): DomainError | null {
  if (e instanceof DomainError || !e || typeof e !== "object") return null;
  if (matches(e, RETRY_CODES, RETRY_TEXT)) return new DomainError("conflict", "common:error.409");
  if (matches(e, LOST_CODES, LOST_TEXT)) return new DomainError("unavailable", "common:error.503");
  return null;
}
