import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgres/client";
import { engineOf, type Engine } from "./db/engine";
import { BUSY_TIMEOUT_MS, createSqliteAdapter } from "./db/sqlite-adapter.server";
import { databaseUrl } from "./env.server";

// One client per process; in development the module is re-evaluated on every change.
const globalForDb = globalThis as unknown as { __weikeDb?: PrismaClient };

/** The engine this process's database runs on (decision 051). */
export function dbEngine(): Engine {
  return engineOf(databaseUrl());
}

function createClient() {
  const url = databaseUrl();
  if (engineOf(url) === "postgres") {
    // A generated client is bound to one provider, so PostgreSQL has its own, generated from the
    // same schema: the two expose the same models and methods, and the app sees one type.
    const client = new PostgresClient({
      adapter: new PrismaPg(
        // Timestamps are kept in UTC; the session zone says so for raw SQL (date_trunc, now()).
        { connectionString: url, options: "-c TimeZone=UTC", connectionTimeoutMillis: 5_000 },
        { onPoolError: () => {} },
      ),
      transactionOptions: { maxWait: BUSY_TIMEOUT_MS },
    });
    return client as unknown as PrismaClient;
  }
  // A transaction waits its turn behind the others (the adapter's queue) as long as SQLite would
  // wait for the lock, instead of failing after Prisma's default two seconds.
  return new PrismaClient({
    adapter: createSqliteAdapter(url),
    transactionOptions: { maxWait: BUSY_TIMEOUT_MS },
  });
}

export const db: PrismaClient = globalForDb.__weikeDb ?? (globalForDb.__weikeDb = createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
