import { PrismaClient } from "~/generated/prisma/client";
import { BUSY_TIMEOUT_MS, createSqliteAdapter } from "./db/sqlite-adapter.server";
import { databaseUrl } from "./env.server";

// One client per process; in development the module is re-evaluated on every change.
const globalForDb = globalThis as unknown as { __weikeDb?: PrismaClient };

function createClient() {
  // A transaction waits its turn behind the others (the adapter's queue) as long as SQLite would
  // wait for the lock, instead of failing after Prisma's default two seconds.
  return new PrismaClient({
    adapter: createSqliteAdapter(databaseUrl()),
    transactionOptions: { maxWait: BUSY_TIMEOUT_MS },
  });
}

export const db: PrismaClient = globalForDb.__weikeDb ?? (globalForDb.__weikeDb = createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
