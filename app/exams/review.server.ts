// The review list: results that failed their checks or were voided, newest first.
import { db } from "~/lib/db.server";
import { PAGE_SIZE } from "~/lib/pagination";

export async function flaggedResults(filter: { exam?: string; teamId?: number }, page: number) {
  const where = {
    OR: [{ valid: false }, { attempt: { is: { voidedAt: { not: null } } } }],
    ...(filter.exam ? { exam: filter.exam } : {}),
    ...(filter.teamId ? { user: { teamId: filter.teamId } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.examResult.count({ where }),
    db.examResult.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        exam: true,
        createdAt: true,
        figures: true,
        user: { select: { id: true, name: true, employeeNo: true, team: { select: { name: true } } } },
        attempt: { select: { invalidReason: true, voidReason: true, voidedAt: true, sittingId: true } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map(({ figures, attempt, ...r }) => ({
      ...r,
      voidReason: attempt?.voidedAt ? (attempt.voidReason ?? "") : null,
      sittingId: attempt?.sittingId ?? null,
      reasons: reasonsOf(figures, attempt?.invalidReason ?? null),
    })),
  };
}

/** The scorer's reasons (typing lists them in the figures; the others on the attempt). */
function reasonsOf(figures: string, invalidReason: string | null): string[] {
  let parsed: unknown;
  try {
    parsed = (JSON.parse(figures) as { invalid?: unknown }).invalid;
  } catch {
    parsed = undefined;
  }
  const list = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  const all = list.length ? list : (invalidReason ?? "").split(",");
  return all.filter((r) => r && r !== "voided");
}
