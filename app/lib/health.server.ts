import { sqliteFilePath } from "./db/migrations.server";
import { notWritable } from "./db/preflight.server";
import { db, dbEngine } from "./db.server";
import { appVersion, databaseUrl } from "./env.server";
import { instanceId } from "./instance.server";

export async function healthReport() {
  const engine = dbEngine();
  try {
    const rows = await db.$queryRaw<
      { n: bigint | number }[]
    >`SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    // Two file-system checks, no lock: a write probe would queue behind every pending write.
    const readOnly = engine === "sqlite" ? notWritable(sqliteFilePath(databaseUrl())) : null;
    if (readOnly) {
      return {
        ok: false as const,
        body: { status: "error", db: "read-only", engine, error: readOnly, version: appVersion() },
      };
    }
    return {
      ok: true as const,
      body: {
        status: "ok",
        db: "ok",
        engine,
        instance: instanceId(),
        migrations: Number(rows[0]?.n ?? 0),
        version: appVersion(),
      },
    };
  } catch (e) {
    return {
      ok: false as const,
      body: { status: "error", db: "error", engine, error: (e as Error).message.split("\n")[0], version: appVersion() },
    };
  }
}
