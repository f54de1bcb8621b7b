// Wraps Prisma's better-sqlite3 adapter so that SQLite behaves under concurrent writers:
// - WAL, busy_timeout and foreign keys on every connection;
// - transactions start with BEGIN IMMEDIATE, taking the write lock up front, so a writer in
//   another process waits (busy_timeout) instead of failing with SQLITE_BUSY at its first write;
// - a query outside a transaction waits its turn while a transaction is open: the adapter
//   shares one connection, and without this a concurrent plain write would land inside (and
//   roll back with) someone else's transaction. Queries and transactions take turns in arrival
//   order.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Release = () => void;

class Gate {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<Release> {
    let release!: Release;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
  /** Runs fn while holding the gate, in arrival order. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

interface RawClient {
  prepare(sql: string): unknown;
  pragma(sql: string): unknown;
}

interface AdapterLike {
  client: RawClient;
  queryRaw(q: unknown): Promise<unknown>;
  executeRaw(q: unknown): Promise<unknown>;
  startTransaction(isolation?: unknown): Promise<unknown>;
}

export const BUSY_TIMEOUT_MS = 15_000;

export function configureConnection(client: RawClient) {
  client.pragma("journal_mode = WAL");
  client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  client.pragma("foreign_keys = ON");
  client.pragma("synchronous = NORMAL");
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

export function createSqliteAdapter(url: string) {
  const base = new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS });
  return {
    provider: "sqlite" as const,
    adapterName: base.adapterName,
    async connect() {
      const adapter = (await base.connect()) as unknown as AdapterLike;
      configureConnection(adapter.client);
      const gate = new Gate();
      const queryRaw = adapter.queryRaw.bind(adapter);
      const executeRaw = adapter.executeRaw.bind(adapter);
      const startTransaction = adapter.startTransaction.bind(adapter);
      // First come, first served: a plain query queues behind the transactions that arrived
      // before it, never behind later ones, so a stream of writes cannot starve reads.
      adapter.queryRaw = (q) => gate.run(() => queryRaw(q));
      adapter.executeRaw = (q) => gate.run(() => executeRaw(q));
      adapter.startTransaction = async (isolation) => {
        const release = await gate.acquire();
        try {
          const tx = (await startTransaction(isolation)) as { commit(): Promise<void>; rollback(): Promise<void> };
          const commit = tx.commit.bind(tx);
          const rollback = tx.rollback.bind(tx);
          tx.commit = async () => {
            try {
              await commit();
            } finally {
              release();
            }
          };
          tx.rollback = async () => {
            try {
              await rollback();
            } finally {
              release();
            }
          };
          return tx;
        } catch (e) {
          release();
          throw e;
        }
      };
      return adapter as unknown as Awaited<ReturnType<typeof base.connect>>;
    },
  };
}
