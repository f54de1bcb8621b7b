// Production server: migrate the database, then serve the Remix build with Express.
import "./production-env";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { hasTrustedOrigin } from "../app/auth/origin";
import { migrateDatabase, MigrationError } from "../app/lib/db/migrations.server";
import { databaseUrl, env, type Env } from "../app/lib/env.server";
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
if (config.TRUST_PROXY) app.set("trust proxy", true);

app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
const publicFiles = express.static(path.join(buildDir, "client"), { maxAge: "1h" });
// Page URLs have no file extension: they skip the filesystem lookup for a public file.
app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

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
