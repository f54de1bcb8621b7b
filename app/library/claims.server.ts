// A course file's `status: accepted` is its author's proposal, not a publication (decision 035).
// A claim for a version nobody accepted is reported, by the sync and by `content:check`, like any
// other content problem; the version stays unpublished.
import type { ContentProblem } from "~/content/problems";
import { db } from "~/lib/db.server";
import { claimProblem } from "./claim-problem";

const SLICE = 500;

type TreeCourse = { path: string; data: { slug: string }; lineOf: (field: string) => number };

/** Synced courses whose newest file claims `accepted` while that version has no acceptance. */
export async function unrecordedClaims(courses: readonly TreeCourse[]): Promise<ContentProblem[]> {
  const rows = await db.course.findMany({
    where: { status: "accepted", currentVersionId: { not: null } },
    select: { slug: true, currentVersionId: true, liveVersionId: true, currentVersion: { select: { version: true } } },
  });
  // A live version was accepted when it was entered: only versions not live need a look.
  const open = rows.filter((r) => r.currentVersionId !== r.liveVersionId);
  if (!open.length) return [];
  // A cold sync of a large library can hold more open versions than one statement may bind
  // (SQLite: 999 parameters), so they are asked for in slices.
  const judged: { id: number; courseVersionId: number; decision: string }[] = [];
  for (let i = 0; i < open.length; i += SLICE) {
    judged.push(
      ...(await db.courseAcceptance.findMany({
        where: { courseVersionId: { in: open.slice(i, i + SLICE).map((r) => r.currentVersionId!) } },
        select: { id: true, courseVersionId: true, decision: true },
      })),
    );
  }
  judged.sort((a, b) => a.id - b.id);
  const latest = new Map(judged.map((a) => [a.courseVersionId, a.decision])); // later rows overwrite
  const bySlug = new Map(courses.map((c) => [c.data.slug, c]));
  const out: ContentProblem[] = [];
  for (const r of open) {
    const file = bySlug.get(r.slug);
    if (!file || latest.get(r.currentVersionId!) === "accept") continue;
    out.push(claimProblem(file.path, file.lineOf("status"), r.currentVersion?.version ?? null));
  }
  return out;
}
