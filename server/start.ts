// Imported first by the server entry: React and other libraries pick their production build
// from NODE_ENV when they are first loaded, and `npm start` does not set it.
process.env.NODE_ENV ??= "production";
// Production server. The port is bound first, so a second instance fails at once without
// touching the database; until the database is checked and migrated every request gets a 503.
import "./production-env";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express, { type RequestHandler } from "express";
import { hasTrustedOrigin } from "../app/auth/origin";
import { engineOf, redactUrl } from "../app/lib/db/engine";
import { migrateUrl } from "../app/lib/db/migrate.server";
import { MigrationError, sqliteFilePath } from "../app/lib/db/migrations.server";
import { shutdownGraceMs } from "../app/lib/db/ops-config.server";
import { startupProblem } from "../app/lib/db/preflight.server";
import { removeServerLock, writeServerLock } from "../app/lib/db/server-lock.server";
import { db } from "../app/lib/db.server";
import { databaseUrl, env, type Env } from "../app/lib/env.server";
import { documentRequestContext } from "../app/lib/html-once.server";
import { instanceId } from "../app/lib/instance.server";
import { timingContext } from "../app/lib/server-timing.server";
import { compressResponses, encodedFileHeaders, precompressedFiles } from "./compression";
import { sharedETags } from "./etag";
import { bodyLimit, markPublicFile, securityHeaders } from "./http-guards";
import { startupTasks } from "./startup";

let config: Env;
try {
  config = env();
} catch (e) {
  console.error(`[weike] cannot start: ${(e as Error).message}`);
  process.exit(1);
}
const buildDir = path.resolve(config.WEIKE_BUILD_DIR);
const port = config.PORT;
const allowedOrigins = config.ALLOWED_ORIGINS;
const onPostgres = engineOf(databaseUrl()) === "postgres";
// The file checks, the server lock and the WAL checkpoint belong to SQLite alone.
const dbFile = onPostgres ? ":memory:" : sqliteFilePath(databaseUrl());

function fail(message: string): never {
  console.error(`[weike] cannot start: ${message}`);
  process.exit(1);
}

let handler: RequestHandler | null = null;
let stopping = false;

const app = express();
app.disable("x-powered-by");
// The request's arrival, before anything else runs for it: the exams judge lateness by this.
app.use((_req, res, next) => {
  res.locals.arrivedAt = Date.now();
  next();
});
// A hop count, never `true`: Express would otherwise believe a client-sent X-Forwarded-For/-Proto.
const hops = config.TRUST_PROXY;
if (hops > 0) app.set("trust proxy", hops);
app.use(securityHeaders());
// Which instance behind the proxy answered (not secret: a random id per start).
app.use((_req, res, next) => {
  res.set("X-Weike-Instance", instanceId());
  next();
});

app.use((req, res, next) => {
  // A stopping server answers what is in flight, then lets each connection go.
  if (stopping) res.set("Connection", "close");
  if (handler) return next();
  res.status(503).set("Retry-After", "2").type("text/plain; charset=utf-8").send("503: Weike is starting.");
});

app.use(compressResponses());
app.use(precompressedFiles(path.join(buildDir, "client")));
const publicFileHeaders = (res: express.Response) => {
  markPublicFile(res);
  encodedFileHeaders(res);
};
app.use(
  "/assets",
  express.static(path.join(buildDir, "client/assets"), {
    immutable: true,
    maxAge: "1y",
    setHeaders: publicFileHeaders,
  }),
);
const publicFiles = express.static(path.join(buildDir, "client"), { maxAge: "1h", setHeaders: publicFileHeaders });
// Page URLs have no file extension: they skip the filesystem lookup for a public file.
app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

app.use(bodyLimit());

app.use((req, res, next) => {
  // The app reads the peer address from here; a client cannot supply it.
  req.headers["x-weike-remote-addr"] = req.socket.remoteAddress ?? "unknown";
  if (!hasTrustedOrigin(req.method, req.get("origin"), req.get("host"), req.protocol, allowedOrigins)) {
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("403 Forbidden: this request did not come from a Weike page (Origin missing or foreign).");
    return;
  }
  next();
});

// After the static files (they carry their own tags): pages and data the same for everyone.
app.use(sharedETags());
app.all("*", (req, res, next) => handler!(req, res, next));

const server: Server = await new Promise((resolve) => {
  const s = app.listen(port, () => resolve(s));
  s.once("error", (e: NodeJS.ErrnoException) =>
    fail(
      e.code === "EADDRINUSE"
        ? `port ${port} is already in use (another Weike server?); set PORT to a free port`
        : `cannot listen on port ${port}: ${e.message}`,
    ),
  );
});
server.keepAliveTimeout = 65_000;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void shutdown(signal));
}

const problem = startupProblem(dbFile);
if (problem) fail(problem);
try {
  // On PostgreSQL this is also the preflight: an unreachable server stops the start with one line.
  const { applied, total } = await migrateUrl(databaseUrl());
  console.log(`[weike] database ${redactUrl(databaseUrl())}: ${total} migrations (${applied.length} applied now)`);
} catch (e) {
  fail(e instanceof MigrationError ? e.message : String(e));
}
if (dbFile !== ":memory:") writeServerLock(dbFile, port);

const build = await import(pathToFileURL(path.join(buildDir, "server/index.js")).href);
await startupTasks();
handler = createRequestHandler({
  build,
  mode: "production",
  getLoadContext: (req) => ({ ...timingContext(), ...documentRequestContext(req.path) }),
});
console.log(`[weike] listening on http://localhost:${(server.address() as AddressInfo).port}`);

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // In-flight requests get the grace period; then their connections are cut.
  const force = setTimeout(() => server.closeAllConnections(), shutdownGraceMs());
  await closed;
  clearTimeout(force);
  try {
    // Fold the WAL into the database file, so a copy of the file alone is complete.
    if (!onPostgres) await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.$disconnect();
  } catch (e) {
    console.error("[weike] closing the database failed:", e);
  }
  if (dbFile !== ":memory:") removeServerLock(dbFile);
  console.log(`[weike] stopped on ${signal} after ${Date.now() - started} ms; database closed`);
  process.exit(0);
}
