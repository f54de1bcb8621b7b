import { db } from "./db.server";
import { appVersion } from "./env.server";

export async function healthReport() {
  try {
    const rows = await db.$queryRaw<
      { n: bigint | number }[]
    >`SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
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
