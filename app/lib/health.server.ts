import { sqliteFilePath } from "./db/migrations.server";
import { notWritable } from "./db/preflight.server";
import { db } from "./db.server";
import { appVersion, databaseUrl } from "./env.server";

export async function healthReport() {
  try {
    const rows = await db.$queryRaw<
      { n: bigint | number }[]
    >`SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    // Two file-system checks, no lock: a write probe would queue behind every pending write.
    const readOnly = notWritable(sqliteFilePath(databaseUrl()));
    if (readOnly) {
      return { ok: false as const, body: { status: "error", db: "read-only", error: readOnly, version: appVersion() } };
    }
    return {
      ok: true as const,
      body: { status: "ok", db: "ok", migrations: Number(rows[0]?.n ?? 0), version: appVersion() },
    };
  } catch (e) {
    return {
      ok: false as const,
      body: { status: "error", db: "error", error: (e as Error).message.split("\n")[0], version: appVersion() },
    };
  }
}
