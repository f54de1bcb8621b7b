// Runs the production server in this process and answers memory questions over the IPC channel
// of the measuring script (bench/memory/measure.ts) only: no HTTP endpoint exposes any of this.
import path from "node:path";
import { cpuUsage, memoryUsage } from "node:process";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";

process.on("message", (m) => {
  if (m !== "memory") return;
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  process.send({ usage: memoryUsage(), heap: v8.getHeapStatistics(), spaces, cpu: cpuUsage() });
});
process.channel?.unref();

await import(pathToFileURL(path.resolve(process.argv[2])).href);
