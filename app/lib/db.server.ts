import { PrismaClient } from "~/generated/prisma/client";
import { createSqliteAdapter } from "./db/sqlite-adapter.server";
import { databaseUrl } from "./env.server";

// One client per process; in development the module is re-evaluated on every change.
const globalForDb = globalThis as unknown as { __weikeDb?: PrismaClient };

function createClient() {
  return new PrismaClient({ adapter: createSqliteAdapter(databaseUrl()) });
}

export const db: PrismaClient = globalForDb.__weikeDb ?? (globalForDb.__weikeDb = createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
