// npm run db:copy -- --from URL --to URL [--replace] [--verify-only]
// Copies every table between databases of either engine (SQLite file: or postgresql://), then
// prints per-table row counts and checksums. Exit 0 all OK, 1 a mismatch or failure, 2 refused.
import { copyDatabase, CopyRefused, formatReport, verifyDatabases } from "../app/lib/db/copy/copy.server";
import { redactUrl } from "../app/lib/db/engine";
import { MigrationError } from "../app/lib/db/migrations.server";

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const from = value("--from");
const to = value("--to");
if (!from || !to) {
  console.error("usage: npm run db:copy -- --from URL --to URL [--replace] [--verify-only]");
  process.exit(2);
}
try {
  console.log(`[copy] ${redactUrl(from)} → ${redactUrl(to)}`);
  const report = args.includes("--verify-only")
    ? await verifyDatabases(from, to)
    : await copyDatabase(from, to, { replace: args.includes("--replace") });
  for (const line of formatReport(report)) console.log(line);
  process.exit(report.every((r) => r.ok) ? 0 : 1);
} catch (e) {
  if (e instanceof CopyRefused) {
    console.error(`[copy] refused: ${e.message}`);
    process.exit(2);
  }
  console.error(`[copy] failed: ${e instanceof MigrationError ? e.message : String(e)}`);
  process.exit(1);
}
