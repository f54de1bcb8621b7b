// Content sync: disk → database. Every file is parsed, validated and hashed; an unchanged file
// costs no write, a changed one stores a new course version, a removed one retires its course,
// and a broken one is reported while its last good version stays live.
import { db } from "~/lib/db.server";
import { searchableText } from "./body";
import { loadContent, type LoadedCourse, type LoadedSeries } from "./load.server";
import { formatProblem, type ContentProblem } from "./problems";
import { ensureSearchIndex, indexCourse } from "./search-index.server";

export type SyncReport = {
  created: number;
  newVersions: number;
  unchanged: number;
  retired: number;
  series: number;
  problems: ContentProblem[];
};

type Log = Pick<Console, "log" | "warn">;

export async function syncContent(contentDir: string, log: Log = console): Promise<SyncReport> {
  await ensureSearchIndex();
  const tree = await loadContent(contentDir);
  const report: SyncReport = { created: 0, newVersions: 0, unchanged: 0, retired: 0, series: 0, problems: tree.problems };

  const seriesIds = await syncSeries(tree.series, report);

  const existing = await db.course.findMany({
    select: { id: true, slug: true, sourcePath: true, status: true, seriesId: true, currentVersion: { select: { contentHash: true } } },
  });
  const bySlug = new Map(existing.map((c) => [c.slug, c]));
  for (const file of tree.courses) {
    const known = bySlug.get(file.data.slug);
    const seriesId = seriesIds.get(file.data.series) ?? null;
    if (known && known.currentVersion?.contentHash === file.hash && known.sourcePath === file.path && known.seriesId === seriesId && known.status === file.data.status) {
      report.unchanged++;
      continue;
    }
    if (await writeCourse(file, seriesId, known?.id)) report.created++;
    else report.newVersions++;
  }

  // A course stays when its slug is on disk, or when its file is there but broken (last good
  // version stays live). Anything else was removed: retired, never deleted.
  const liveSlugs = new Set(tree.courses.map((c) => c.data.slug));
  const brokenPaths = new Set(tree.files.filter((f) => !f.ok).map((f) => f.path));
  const gone = existing.filter((c) => c.status !== "retired" && !liveSlugs.has(c.slug) && !brokenPaths.has(c.sourcePath)).map((c) => c.id);
  if (gone.length) {
    report.retired = (await db.course.updateMany({ where: { id: { in: gone } }, data: { status: "retired" } })).count;
  }

  await storeProblems(tree.problems);
  for (const p of tree.problems) log.warn(`[content] ${formatProblem(p)}`);
  return report;
}

async function syncSeries(files: LoadedSeries[], report: SyncReport): Promise<Map<string, number>> {
  const rows = await db.series.findMany({ select: { id: true, slug: true, contentHash: true, sourcePath: true, retired: true } });
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  for (const f of files) {
    const row = bySlug.get(f.data.slug);
    if (row && row.contentHash === f.hash && row.sourcePath === f.path && !row.retired) continue;
    const data = {
      titleZh: f.data.title.zh,
      titleEn: f.data.title.en,
      summaryZh: f.data.summary.zh,
      summaryEn: f.data.summary.en,
      merge: f.data.merge,
      sourcePath: f.path,
      contentHash: f.hash,
      retired: false,
    };
    const saved = await db.series.upsert({ where: { slug: f.data.slug }, create: { slug: f.data.slug, ...data }, update: data, select: { id: true } });
    ids.set(f.data.slug, saved.id);
    report.series++;
  }
  // A series whose file is gone (not merely broken: its courses would then be reported) is retired.
  const onDisk = new Set(files.map((f) => f.data.slug));
  const stale = rows.filter((r) => !r.retired && !onDisk.has(r.slug)).map((r) => r.slug);
  if (stale.length) {
    const stillUsed = await db.course.findMany({ where: { series: { slug: { in: stale } }, status: { not: "retired" } }, select: { series: { select: { slug: true } } } });
    const keep = new Set(stillUsed.map((c) => c.series?.slug));
    const retire = stale.filter((s) => !keep.has(s));
    if (retire.length) await db.series.updateMany({ where: { slug: { in: retire } }, data: { retired: true } });
  }
  return ids;
}

/** Stores the file as the course's current version; returns true when the course is new. */
async function writeCourse(file: LoadedCourse, seriesId: number | null, courseId: number | undefined): Promise<boolean> {
  const fm = file.data;
  const meta = {
    seriesId,
    position: fm.position,
    titleZh: fm.title.zh,
    titleEn: fm.title.en,
    summaryZh: fm.summary.zh,
    summaryEn: fm.summary.en,
    area: fm.area,
    competencies: JSON.stringify(fm.competencies),
    durationMinutes: fm.durationMinutes,
    grade: fm.grade,
    status: fm.status,
    trainers: JSON.stringify(fm.trainers),
    sourcePath: file.path,
  };
  return db.$transaction(async (tx) => {
    const course = courseId
      ? await tx.course.update({ where: { id: courseId }, data: meta, select: { id: true } })
      : await tx.course.create({ data: { slug: fm.slug, ...meta }, select: { id: true } });
    // Reverting a file to earlier content reuses that version instead of storing a copy.
    let version = await tx.courseVersion.findFirst({ where: { courseId: course.id, contentHash: file.hash }, select: { id: true } });
    if (!version) {
      const last = await tx.courseVersion.aggregate({ where: { courseId: course.id }, _max: { version: true } });
      version = await tx.courseVersion.create({
        data: {
          courseId: course.id,
          version: (last._max.version ?? 0) + 1,
          contentHash: file.hash,
          frontMatter: JSON.stringify(fm),
          body: file.body,
          sections: JSON.stringify(file.sections),
        },
        select: { id: true },
      });
    }
    await tx.course.update({ where: { id: course.id }, data: { currentVersionId: version.id } });
    await indexCourse(tx, course.id, {
      title: `${fm.title.zh} ${fm.title.en}`,
      summary: `${fm.summary.zh} ${fm.summary.en}`,
      body: searchableText(file.body),
    });
    return !courseId;
  });
}

async function storeProblems(problems: ContentProblem[]) {
  const stored = await db.contentProblem.findMany({ select: { path: true, line: true, message: true }, orderBy: { id: "asc" } });
  const same = stored.length === problems.length && stored.every((s, i) => formatProblem(s) === formatProblem(problems[i]));
  if (same) return;
  await db.$transaction(async (tx) => {
    await tx.contentProblem.deleteMany({});
    if (problems.length) await tx.contentProblem.createMany({ data: problems });
  });
}
