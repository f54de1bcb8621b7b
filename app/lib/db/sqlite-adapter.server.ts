// Wraps Prisma's better-sqlite3 adapter so that SQLite behaves under concurrent writers:
// - WAL, busy_timeout and foreign keys on every connection;
// - transactions start with BEGIN IMMEDIATE, taking the write lock up front, so a writer in
//   another process waits (busy_timeout) instead of failing with SQLITE_BUSY at its first write;
// - a write outside a transaction waits its turn while a transaction is open: the adapter
//   shares one connection, and without this a concurrent plain write would land inside (and
//   roll back with) someone else's transaction. Writes and transactions take turns in arrival
//   order, and each hand-over goes through the event loop (better-sqlite3 is synchronous: a
//   chain of transactions passed on in microtasks would keep new requests from being accepted);
// - a read outside a transaction never takes that turn: it runs on a second, read-only
//   connection, which in WAL mode sees the last committed state without waiting for writers.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Release = () => void;

class Gate {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<Release> {
    let release!: Release;
    const next = new Promise<void>((r) => (release = () => void setImmediate(r)));
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
  dispose(): Promise<void>;
}

type Query = { sql: string };

// Functions whose answer belongs to one connection: asked of the reader, they would be wrong.
const CONNECTION_STATE = /\b(changes|total_changes|last_insert_rowid)\s*\(/i;
const MAX_CACHED = 2000;

/** Sorts statements into plain reads (served by the reader) and everything else, by SQLite's own verdict. */
function readClassifier(reader: RawClient) {
  const cache = new Map<string, boolean>();
  return (sql: string): boolean => {
    let read = cache.get(sql);
    if (read === undefined) {
      read = false;
      if (/^\s*(SELECT|WITH)\b/i.test(sql) && !CONNECTION_STATE.test(sql)) {
        try {
          read = (reader.prepare(sql) as { readonly: boolean }).readonly;
        } catch {
          read = false;
        }
      }
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(sql, read);
    }
    return read;
  };
}

function isFileUrl(url: string) {
  const file = url.replace(/^file:/, "");
  return file !== "" && !file.startsWith(":memory:") && !file.includes("mode=memory");
}

export const BUSY_TIMEOUT_MS = 15_000;
/**
 * SQLite's page cache per connection, KiB (negative: a size, not a page count). better-sqlite3
 * builds with 16 MB; with a writer and a reader that was 32 MB of the server's memory budget,
 * while the OS page cache keeps the file's pages anyway (decision 047).
 */
export const CACHE_SIZE_KIB = 4000;

export function configureConnection(client: RawClient) {
  client.pragma("journal_mode = WAL");
  client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  client.pragma("foreign_keys = ON");
  client.pragma("synchronous = NORMAL");
  client.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
  const prepare = cachedPrepare(client.prepare.bind(client) as (sql: string) => Statement);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

/** The part of a better-sqlite3 statement that Prisma's adapter uses. */
interface Statement {
  readonly reader: boolean;
  readonly readonly: boolean;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  columns(): unknown[];
  raw(on?: boolean): Statement;
}

const STATEMENTS_KEPT = 256;

/**
 * Prisma's adapter prepares every query afresh, and compiling the SQL costs as much as running
 * it: an exam start spent half its database time there. A statement is compiled once per
 * connection and kept (the most recently used few hundred). The adapter binds arguments for
 * good (`prepare(sql).bind(args)`), which a shared statement must not remember, so each use gets
 * a handle that passes its own arguments on every call.
 */
export function cachedPrepare(prepare: (sql: string) => Statement, kept = STATEMENTS_KEPT) {
  const cache = new Map<string, Statement>();
  return (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (stmt) cache.delete(sql);
    else {
      stmt = prepare(sql);
      if (cache.size >= kept) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt); // most recently used last
    return reusable(stmt);
  };
}

function reusable(stmt: Statement): Statement {
  let bound: unknown[] = [];
  let raw = false;
  const args = (given: unknown[]) => (given.length ? given : [bound]);
  const handle: Statement & { bind(params: unknown[]): Statement } = {
    get reader() {
      return stmt.reader;
    },
    get readonly() {
      return stmt.readonly;
    },
    bind(params: unknown[]) {
      bound = params;
      return handle;
    },
    run: (...given) => stmt.run(...args(given)),
    // The row shape is a property of the shared statement: set it for this use every time.
    all: (...given) => (stmt.reader ? stmt.raw(raw) : stmt).all(...args(given)),
    columns: () => stmt.columns(),
    raw(on = true) {
      raw = on;
      return handle;
    },
  };
  return handle;
}

export function createSqliteAdapter(url: string) {
  const base = new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS });
  const separateReader = isFileUrl(url);
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
      // First come, first served among writers: a plain write queues behind the transactions
      // that arrived before it, never behind later ones. Reads skip the queue altogether.
      let queryRead: ((q: unknown) => Promise<unknown>) | null = null;
      let isRead: (sql: string) => boolean = () => false;
      if (separateReader) {
        const reader = (await base.connect()) as unknown as AdapterLike;
        reader.client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        reader.client.pragma("query_only = ON");
        reader.client.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
        reader.client.prepare = cachedPrepare(reader.client.prepare.bind(reader.client) as (sql: string) => Statement);
        queryRead = reader.queryRaw.bind(reader);
        isRead = readClassifier(reader.client);
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await reader.dispose();
          await dispose();
        };
      }
      adapter.queryRaw = (q) => (queryRead && isRead((q as Query).sql) ? queryRead(q) : gate.run(() => queryRaw(q)));
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
