// The library page's data: per course, the live version trainees read, the newest synced version
// and how that newest version was judged (decision 035).
import { db } from "~/lib/db.server";

export async function libraryOverview() {
  const courses = await db.course.findMany({
    where: { status: { not: "retired" }, currentVersionId: { not: null } },
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      status: true,
      liveVersion: { select: { id: true, version: true } },
      currentVersion: { select: { id: true, version: true } },
    },
    orderBy: [{ seriesId: "asc" }, { position: "asc" }, { id: "asc" }],
  });
  const newestIds = courses.map((c) => c.currentVersion!.id);
  const judged = await db.courseAcceptance.findMany({
    where: { courseVersionId: { in: newestIds } },
    select: { courseVersionId: true, decision: true, fastTrack: true, reason: true },
    orderBy: { id: "asc" },
  });
  const latest = new Map(judged.map((a) => [a.courseVersionId, a])); // later rows overwrite
  return courses.map((c) => {
    const newest = c.currentVersion!;
    const acceptance = latest.get(newest.id) ?? null;
    const isLive = c.liveVersion?.id === newest.id;
    return {
      id: c.id,
      slug: c.slug,
      title: { zh: c.titleZh, en: c.titleEn },
      proposed: c.status,
      live: c.liveVersion?.version ?? null,
      newest: { id: newest.id, version: newest.version },
      acceptance: acceptance && {
        decision: acceptance.decision,
        fastTrack: acceptance.fastTrack,
        reason: acceptance.reason,
      },
      canEnter: !isLive && acceptance?.decision === "accept",
      canFastTrack: !isLive && c.liveVersion !== null && newest.version > c.liveVersion.version,
    };
  });
}
