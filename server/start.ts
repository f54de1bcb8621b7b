// Production server: migrate the database, then serve the Remix build with Express.
import "./production-env";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { trustedHops } from "../app/auth/client-ip";
import { hasTrustedOrigin } from "../app/auth/origin";
import { migrateDatabase, MigrationError } from "../app/lib/db/migrations.server";
import { databaseUrl } from "../app/lib/env.server";
import { bodyLimit, markPublicFile, securityHeaders } from "./http-guards";
import { startupTasks } from "./startup";

const buildDir = path.resolve(process.env.WEIKE_BUILD_DIR ?? "build");
const port = Number(process.env.PORT || 3000);
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

try {
  const { applied, total } = migrateDatabase(databaseUrl(), path.resolve("prisma/migrations"));
  console.log(`[weike] database ${databaseUrl()}: ${total} migrations (${applied.length} applied now)`);
} catch (e) {
  console.error(`[weike] cannot start: ${e instanceof MigrationError ? e.message : String(e)}`);
  process.exit(1);
}

const build = await import(pathToFileURL(path.join(buildDir, "server/index.js")).href);
await startupTasks();

const app = express();
app.disable("x-powered-by");
// A hop count, never `true`: Express would otherwise believe a client-sent X-Forwarded-For/-Proto.
const hops = trustedHops();
if (hops > 0) app.set("trust proxy", hops);
app.use(securityHeaders());

app.use(
  "/assets",
  express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y", setHeaders: markPublicFile }),
);
const publicFiles = express.static(path.join(buildDir, "client"), { maxAge: "1h", setHeaders: markPublicFile });
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

app.all("*", createRequestHandler({ build, mode: "production" }));

const server = app.listen(port, () => console.log(`[weike] listening on http://localhost:${port}`));
server.keepAliveTimeout = 65_000;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
