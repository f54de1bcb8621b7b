// A short id of this server process, so a reply shows which instance behind the proxy served it
// (X-Weike-Instance, /healthz) and a job lease names its holder. Not secret: random per start.
// Kept on globalThis: the server entry and the app build are separate module graphs.
import { randomBytes } from "node:crypto";

const holder = globalThis as unknown as { __weikeInstanceId?: string };

export function instanceId(): string {
  return (holder.__weikeInstanceId ??= randomBytes(3).toString("hex"));
}
