// Content sync: disk → database. Every file is hashed; a file whose path and hash match the
// database costs no parse and no write, a changed one is validated and stored as a new course
// version, a removed one retires its course, and a broken one is reported while its last good
// version stays live.
import { writeAuditMany } from "~/admin/audit.server";
import { insertRows } from "~/lib/db/bulk-insert.server";
import type { Tx } from "~/lib/db.server";
import { db } from "~/lib/db.server";
import { unrecordedClaims } from "~/library/claims.server";
import { syncInitialQualifications } from "~/trainers/qualifications.server";
import { bumpContentGeneration } from "./generation.server";
import { loadContent, type KnownFiles, type LoadedCourse, type LoadedSeries } from "./load.server";
import { formatProblem, sortProblems, type ContentProblem } from "./problems";
import { ensureSearchIndex, indexCourses, withBulkIndexing } from "./search-index.server";
import { timedAsync } from "./sync-phases";

export type SyncReport = {
  created: number;
  newVersions: number;
  unchanged: number;
  retired: number;
  series: number;
  problems: ContentProblem[];
};

type Log = Pick<Console, "log" | "warn">;

/** Called after a sync that changed courses (the catalogue drops its cached searches). */
export const onContentChanged = new Set<() => void>();

// Writes are grouped: one transaction (one commit) per batch instead of one per file.
const BATCH = 200;
const BULK = 50;

async function knownFiles(): Promise<{ known: KnownFiles; courses: ExistingCourse[] }> {
  const [courses, series] = await Promise.all([
    db.course.findMany({
      select: { id: true, slug: true, sourcePath: true, status: true, seriesId: true, position: true, series: { select: { slug: true } }, currentVersion: { select: { contentHash: true } } },
    }),
    db.series.findMany({ where: { retired: false }, select: { slug: true, sourcePath: true, contentHash: true } }),
  ]);
  const known: KnownFiles = { courses: new Map(), series: new Map() };
  for (const c of courses) {
    // A retired course is parsed again when its file reappears, so that it comes back.
    if (c.status === "retired" || !c.currentVersion || !c.series) continue;
    known.courses.set(c.sourcePath, { hash: c.currentVersion.contentHash, slug: c.slug, series: c.series.slug, position: c.position });
  }
  for (const s of series) known.series.set(s.sourcePath, { hash: s.contentHash, slug: s.slug });
  return { known, courses };
}
type ExistingCourse = { id: number; slug: string; sourcePath: string; status: string; seriesId: number | null; currentVersion: { contentHash: string } | null };

export async function syncContent(contentDir: string, log: Log = console): Promise<SyncReport> {
  await ensureSearchIndex();
  const { known, courses: existing } = await knownFiles();
  const tree = await loadContent(contentDir, known);
  const report: SyncReport = { created: 0, newVersions: 0, unchanged: 0, retired: 0, series: 0, problems: tree.problems };

  const seriesIds = await syncSeries(tree.series.filter((s): s is LoadedSeries => !s.known), tree.series.map((s) => s.data.slug), report);

  const bySlug = new Map(existing.map((c) => [c.slug, c]));
  const writes: { file: LoadedCourse; seriesId: number | null; courseId?: number }[] = [];
  for (const file of tree.courses) {
    if (file.known) {
      report.unchanged++;
      continue;
    }
    const was = bySlug.get(file.data.slug);
    const seriesId = seriesIds.get(file.data.series) ?? null;
    if (was && was.currentVersion?.contentHash === file.hash && was.sourcePath === file.source && was.seriesId === seriesId && was.status === file.data.status) {
      report.unchanged++;
      continue;
    }
    writes.push({ file, seriesId, courseId: was?.id });
  }
  const writeAll = async () => {
    for (let i = 0; i < writes.length; i += BATCH) {
      await db.$transaction(async (tx) => {
        const batch = writes.slice(i, i + BATCH);
        const ids = await timedAsync("write", () => createCourses(tx, batch.filter((w) => !w.courseId)));
        report.created += ids.length;
        for (const w of batch.filter((w) => w.courseId)) {
          ids.push(await timedAsync("write", () => writeVersion(tx, w.file, w.seriesId, w.courseId!)));
          report.newVersions++;
        }
        await timedAsync("index", () => indexCourses(tx, ids));
        await timedAsync("write", () => auditPublished(tx, ids));
      });
    }
  };
  await (writes.length >= BULK ? withBulkIndexing(writeAll) : writeAll());

  // A course stays when its slug is on disk, or when its file is there but broken (last good
  // version stays live). Anything else was removed: retired, never deleted.
  const liveSlugs = new Set(tree.courses.map((c) => c.data.slug));
  const brokenPaths = new Set(tree.files.filter((f) => !f.ok).map((f) => f.source));
  const gone = existing.filter((c) => c.status !== "retired" && !liveSlugs.has(c.slug) && !brokenPaths.has(c.sourcePath)).map((c) => c.id);
  if (gone.length) {
    report.retired = await db.$transaction(async (tx) => {
      const { count } = await tx.course.updateMany({ where: { id: { in: gone } }, data: { status: "retired" } });
      const titles = await tx.course.findMany({ where: { id: { in: gone } }, select: { id: true, slug: true, titleZh: true } });
      await writeAuditMany(tx, titles.map((c) => ({ actorId: null, action: "content.retire", subjectId: null, detail: { slug: c.slug, title: c.titleZh }, object: { id: c.id } })));
      return count;
    });
  }

  // The files' `trainers:` lists seed first qualifications only; HR decides after (decision 036).
  await syncInitialQualifications();
  if (writes.length || gone.length) {
    // The other instances' caches follow the generation; this one's drop now.
    await bumpContentGeneration();
    onContentChanged.forEach((fn) => fn());
  }
  // A file's `status: accepted` is a proposal: one nobody recorded is a problem (decision 035).
  const claims = await unrecordedClaims(tree.courses);
  if (claims.length) report.problems = tree.problems = sortProblems([...tree.problems, ...claims]);
  await storeProblems(tree.problems);
  for (const p of tree.problems) log.warn(`[content] ${formatProblem(p)}`);
  return report;
}

async function syncSeries(changed: LoadedSeries[], onDisk: string[], report: SyncReport): Promise<Map<string, number>> {
  if (changed.length) {
    await db.$transaction(async (tx) => {
      for (const f of changed) {
        const data = {
          titleZh: f.data.title.zh,
          titleEn: f.data.title.en,
          summaryZh: f.data.summary.zh,
          summaryEn: f.data.summary.en,
          merge: f.data.merge,
          sourcePath: f.source,
          contentHash: f.hash,
          retired: false,
        };
        await tx.series.upsert({ where: { slug: f.data.slug }, create: { slug: f.data.slug, ...data }, update: data, select: { id: true } });
        report.series++;
      }
    });
  }
  const rows = await db.series.findMany({ select: { id: true, slug: true, retired: true } });
  // A series whose file is gone (not merely broken: its courses would then be reported) is
  // retired once none of its courses is live.
  const present = new Set(onDisk);
  const stale = rows.filter((r) => !r.retired && !present.has(r.slug)).map((r) => r.slug);
  if (stale.length) {
    const stillUsed = await db.course.findMany({ where: { series: { slug: { in: stale } }, status: { not: "retired" } }, select: { series: { select: { slug: true } } } });
    const keep = new Set(stillUsed.map((c) => c.series?.slug));
    const retire = stale.filter((s) => !keep.has(s));
    if (retire.length) await db.series.updateMany({ where: { slug: { in: retire } }, data: { retired: true } });
  }
  return new Map(rows.map((r) => [r.slug, r.id]));
}

function courseMeta(file: LoadedCourse, seriesId: number | null) {
  const fm = file.data;
  return {
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
    sourcePath: file.source,
  };
}

function versionData(file: LoadedCourse) {
  return { contentHash: file.hash, frontMatter: JSON.stringify(file.data), body: file.body, sections: JSON.stringify(file.sections) };
}

/** New courses, a batch at a time: a handful of statements however many files (a cold start). */
async function createCourses(tx: Tx, news: { file: LoadedCourse; seriesId: number | null }[]): Promise<number[]> {
  if (!news.length) return [];
  const now = new Date();
  const courses = news.map((w) => ({ slug: w.file.data.slug, ...courseMeta(w.file, w.seriesId), createdAt: now, updatedAt: now }));
  const rows = await insertRows<{ id: number | bigint; slug: string }>(tx, "Course", Object.keys(courses[0]!), courses.map(Object.values), ["id", "slug"]);
  const idOf = new Map(rows.map((r) => [r.slug, Number(r.id)]));
  const versions = news.map((w) => ({ courseId: idOf.get(w.file.data.slug)!, version: 1, ...versionData(w.file), createdAt: now }));
  await insertRows(tx, "CourseVersion", Object.keys(versions[0]!), versions.map(Object.values));
  const ids = [...idOf.values()].sort((a, b) => a - b);
  await tx.$executeRawUnsafe(
    `UPDATE "Course" SET "currentVersionId" = (SELECT v.id FROM "CourseVersion" v WHERE v."courseId" = "Course".id AND v.version = 1) WHERE id IN (${ids.join(",")})`,
  );
  return ids;
}

/** A changed file becomes the course's current version; returns the course id. */
async function writeVersion(tx: Tx, file: LoadedCourse, seriesId: number | null, courseId: number): Promise<number> {
  await tx.course.update({ where: { id: courseId }, data: courseMeta(file, seriesId), select: { id: true } });
  // Reverting a file to earlier content reuses that version instead of storing a copy.
  let version = await tx.courseVersion.findFirst({ where: { courseId, contentHash: file.hash }, select: { id: true } });
  if (!version) {
    const last = await tx.courseVersion.aggregate({ where: { courseId }, _max: { version: true } });
    version = await tx.courseVersion.create({ data: { courseId, version: (last._max.version ?? 0) + 1, ...versionData(file) }, select: { id: true } });
  }
  await tx.course.update({ where: { id: courseId }, data: { currentVersionId: version.id }, select: { id: true } });
  return courseId;
}

/** What went live, one audit entry per course (the sync itself is the actor). */
async function auditPublished(tx: Tx, ids: number[]) {
  const live = await tx.course.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, titleZh: true, currentVersion: { select: { version: true } } } });
  await writeAuditMany(
    tx,
    live.map((c) => ({ actorId: null, action: "content.publish", subjectId: null, detail: { slug: c.slug, title: c.titleZh, version: c.currentVersion?.version ?? 1 }, object: { id: c.id } })),
  );
}

async function storeProblems(problems: ContentProblem[]) {
  const stored = await db.contentProblem.findMany({ select: { path: true, line: true, message: true }, orderBy: { id: "asc" } });
  const same = stored.length === problems.length && stored.every((s, i) => problems[i] !== undefined && formatProblem(s) === formatProblem(problems[i]));
  if (same) return;
  await db.$transaction(async (tx) => {
    await tx.contentProblem.deleteMany({});
    if (problems.length) await tx.contentProblem.createMany({ data: problems });
  });
}
