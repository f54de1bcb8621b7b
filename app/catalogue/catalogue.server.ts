// The catalogue: search, filters and each visitor's own status on every card.
import type { SessionUser } from "~/auth/session.server";
import { followContentGeneration } from "~/content/generation.server";
import { ensureSearchIndex } from "~/content/search-index.server";
import { onContentChanged } from "~/content/sync.server";
import type { Prisma } from "~/generated/prisma/client";
import { onPostgres } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n/locale";
import { localTitle, pickLocalized } from "~/lib/i18n/localized";
import { PAGE_SIZE } from "~/lib/pagination";
import type { CatalogueFilters } from "./schemas";
import { planSearch, searchTerms } from "./search";
import { runSearchPostgres } from "./search-postgres.server";
import { searchSnippet, type SnippetPiece } from "./snippet";
import { libraryStatus, visibleCourseWhere } from "./visibility";

export type CardStatus =
  { state: "new" } | { state: "progress"; percent: number } | { state: "done"; completedAt: string };

const cardSelect = {
  id: true,
  slug: true,
  titleZh: true,
  titleEn: true,
  summaryZh: true,
  summaryEn: true,
  area: true,
  competencies: true,
  durationMinutes: true,
  grade: true,
  status: true,
  position: true,
  series: { select: { slug: true, titleZh: true, titleEn: true } },
} satisfies Prisma.CourseSelect;

function durationWhere(d: CatalogueFilters["duration"]): Prisma.CourseWhereInput {
  if (d === "long") return { durationMinutes: { gte: 120 } };
  return d ? { durationMinutes: Number(d) } : {};
}

// Recent searches, briefly: many trainees type the same few words, and a short Chinese term is
// a scan of every lesson. A sync on any instance clears it (the content generation, within seconds).
const SEARCH_TTL_MS = 60_000;
const searchCache = new Map<string, { at: number; ids: number[] }>();

export function clearSearchCache() {
  searchCache.clear();
}
onContentChanged.add(clearSearchCache);

/** Course ids matching the query, best first. */
async function searchIds(q: string): Promise<number[] | null> {
  const plan = planSearch(q);
  if (!plan) return null;
  const key = JSON.stringify(plan);
  await followContentGeneration();
  const hit = searchCache.get(key);
  if (hit && Date.now() - hit.at < SEARCH_TTL_MS) return hit.ids;
  const ids = onPostgres() ? await runSearchPostgres(searchTerms(q)) : await runSearch(plan);
  searchCache.set(key, { at: Date.now(), ids });
  if (searchCache.size > 500) searchCache.delete(searchCache.keys().next().value!);
  return ids;
}

async function runSearch(plan: NonNullable<ReturnType<typeof planSearch>>): Promise<number[]> {
  await ensureSearchIndex();
  const clauses: string[] = [];
  const args: string[] = [];
  for (const { term, like } of plan.short) {
    if (like) {
      clauses.push(`(title LIKE ? ESCAPE '\\' OR summary LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')`);
      args.push(like, like, like);
    } else {
      clauses.push(`(instr(title, ?) > 0 OR instr(summary, ?) > 0 OR instr(body, ?) > 0)`);
      args.push(term, term, term);
    }
  }
  // bm25 weights: a hit in the title counts most, then the summary. Without bm25 (short terms
  // only), a title or summary hit of the first term ranks first.
  const first = plan.short[0]?.term ?? "";
  const sql = plan.match
    ? `SELECT rowid AS id FROM course_search WHERE course_search MATCH ?${clauses.map((c) => ` AND ${c}`).join("")} ORDER BY bm25(course_search, 10.0, 4.0, 1.0) LIMIT 2000`
    : `SELECT rowid AS id FROM course_search WHERE ${clauses.join(" AND ")} ORDER BY instr(title, ?) = 0, instr(summary, ?) = 0 LIMIT 2000`;
  const rows = await db.$queryRawUnsafe<{ id: bigint | number }[]>(
    sql,
    ...(plan.match ? [plan.match, ...args] : [...args, first, first]),
  );
  return rows.map((r) => Number(r.id));
}

// What a card shows of a course comes from its synced file, so it is the same for every visitor
// until a sync changes it: kept per course, checked against the course's current version, and
// dropped whenever a sync in this process changes content (a moved file or a renamed series
// changes a card without a new version). A sync run in another process shows within a minute.
// The visitor's own parts (library status, progress) are read fresh on every request.
const CARD_TTL_MS = 60_000;
const CARD_CACHE_MAX = 5_000;
const pageRowSelect = { id: true, status: true, currentVersionId: true } satisfies Prisma.CourseSelect;
type PageRow = Prisma.CourseGetPayload<{ select: typeof pageRowSelect }>;
type CardData = Omit<Prisma.CourseGetPayload<{ select: typeof cardSelect }>, "id" | "status" | "competencies"> & {
  competencies: string[];
};
const cardCache = new Map<number, { versionId: number | null; at: number; card: CardData }>();

export function clearCardCache() {
  cardCache.clear();
}
onContentChanged.add(clearCardCache);

/** Card data of these courses: from the cache, the rest in one query. */
async function cardsFor(rows: PageRow[]): Promise<Map<number, CardData>> {
  const out = new Map<number, CardData>();
  await followContentGeneration();
  const now = Date.now();
  const missing: number[] = [];
  for (const r of rows) {
    const hit = cardCache.get(r.id);
    if (hit && hit.versionId === r.currentVersionId && now - hit.at < CARD_TTL_MS) out.set(r.id, hit.card);
    else missing.push(r.id);
  }
  if (!missing.length) return out;
  const found = await db.course.findMany({
    where: { id: { in: missing } },
    select: { ...cardSelect, currentVersionId: true },
  });
  for (const { id, status: _status, competencies, currentVersionId, ...rest } of found) {
    const card: CardData = { ...rest, competencies: JSON.parse(competencies) as string[] };
    out.set(id, card);
    if (cardCache.size >= CARD_CACHE_MAX) cardCache.delete(cardCache.keys().next().value!);
    cardCache.set(id, { versionId: currentVersionId, at: now, card });
  }
  return out;
}

// A hit's excerpt depends only on the version's text, the terms and the reader's language: kept
// for the pages people open (at most a few hundred bytes each).
const SNIPPET_CACHE_MAX = 2_000;
const snippetCache = new Map<string, SnippetPiece[] | null>();
onContentChanged.add(() => snippetCache.clear());

const SUMMARY_CHARS = 120;

/** A card needs one language's summary, and only what three lines can show. */
function cardSummary(c: { summaryZh: string; summaryEn: string }, locale: Locale): string {
  const text = pickLocalized(locale, { zh: c.summaryZh, en: c.summaryEn });
  const chars = [...text];
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join("")}…` : text;
}

export async function listCourses(user: SessionUser, f: CatalogueFilters, locale: Locale = "zh") {
  const where: Prisma.CourseWhereInput = {
    ...visibleCourseWhere(user.roles, f.status),
    ...(f.series ? { series: { slug: f.series } } : {}),
    ...(f.area ? { area: f.area } : {}),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.competency ? { competencies: { contains: `"${f.competency}"` } } : {}),
    ...durationWhere(f.duration),
  };
  const ranked = f.q ? await searchIds(f.q) : null;
  let total: number;
  let rows: PageRow[];
  let snippets = new Map<number, SnippetPiece[]>();
  if (ranked) {
    // Filter the ranked ids in SQL, keep the ranking, then page.
    const allowed = new Map(
      (await db.course.findMany({ where: { ...where, id: { in: ranked } }, select: pageRowSelect })).map((r) => [
        r.id,
        r,
      ]),
    );
    const ids = ranked.filter((id) => allowed.has(id));
    total = ids.length;
    rows = ids.slice((f.page - 1) * PAGE_SIZE, f.page * PAGE_SIZE).map((id) => allowed.get(id)!);
    snippets = await hitSnippets(rows, f.q!, locale);
  } else {
    [total, rows] = await Promise.all([
      db.course.count({ where }),
      db.course.findMany({
        where,
        select: pageRowSelect,
        // Series ids follow the folders' order on a first sync; this order uses the (seriesId, position) index.
        orderBy: [{ seriesId: "asc" }, { position: "asc" }, { id: "asc" }],
        skip: (f.page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
      }),
    ]);
  }
  const ids = rows.map((r) => r.id);
  const [cards, statuses] = await Promise.all([cardsFor(rows), statusesFor(user.id, ids)]);
  return {
    total,
    courses: rows.flatMap((r) => {
      const card = cards.get(r.id);
      if (!card) return [];
      // The card shows neither the other language's summary nor the competency tags (the filter
      // applies them in SQL): they stay out of the page's data.
      const { summaryZh, summaryEn, competencies: _tags, ...c } = card;
      return [
        {
          ...c,
          status: libraryStatus(user.roles, r.status),
          summary: cardSummary({ summaryZh, summaryEn }, locale),
          my: statuses.get(r.id) ?? ({ state: "new" } as CardStatus),
          snippet: snippets.get(r.id) ?? null,
        },
      ];
    }),
  };
}

/** Where each hit matched, as a marked excerpt: the summary in the reader's language, else the lesson. */
async function hitSnippets(rows: PageRow[], q: string, locale: Locale): Promise<Map<number, SnippetPiece[]>> {
  const terms = searchTerms(q);
  const keyOf = (r: PageRow) => `${locale}\u0000${r.currentVersionId}\u0000${terms.join("\u0000")}`;
  const out = new Map<number, SnippetPiece[]>();
  const missing: PageRow[] = [];
  for (const r of rows) {
    const hit = snippetCache.get(keyOf(r));
    if (hit === undefined) missing.push(r);
    else if (hit) out.set(r.id, hit);
  }
  if (!missing.length) return out;
  const courses = await db.course.findMany({
    where: { id: { in: missing.map((r) => r.id) } },
    select: { id: true, summaryZh: true, summaryEn: true, currentVersion: { select: { body: true } } },
  });
  const byId = new Map(courses.map((c) => [c.id, c]));
  for (const r of missing) {
    const c = byId.get(r.id);
    if (!c) continue;
    const summary = locale === "en" ? c.summaryEn || c.summaryZh : c.summaryZh;
    const found = searchSnippet(summary, terms) ?? searchSnippet(c.currentVersion?.body ?? "", terms);
    if (found) out.set(c.id, found);
    if (snippetCache.size >= SNIPPET_CACHE_MAX) snippetCache.delete(snippetCache.keys().next().value!);
    snippetCache.set(keyOf(r), found ?? null);
  }
  return out;
}

/** The visitor's status per course: completed in any version wins, else the furthest progress. */
/**
 * Courses a training request may name (not retired; see requestableTargets) that this person's
 * catalogue does not list: a draft or trial lesson, or none yet. They are taught in a classroom
 * only, so the catalogue names them with a way to request them, never a lesson link.
 */
export async function classroomOnlyCourses(user: SessionUser, f: CatalogueFilters, locale: Locale = "zh") {
  if (f.page > 1) return [];
  const q = f.q?.trim();
  const rows = await db.course.findMany({
    where: {
      status: { not: "retired" },
      NOT: visibleCourseWhere(user.roles),
      ...(f.series ? { series: { slug: f.series } } : {}),
      ...(f.area ? { area: f.area } : {}),
      ...(f.grade ? { grade: f.grade } : {}),
      ...(f.competency ? { competencies: { contains: `"${f.competency}"` } } : {}),
      ...durationWhere(f.duration),
      ...(q ? { OR: [{ titleZh: { contains: q } }, { titleEn: { contains: q } }, { slug: { contains: q } }] } : {}),
    },
    select: { slug: true, titleZh: true, titleEn: true, summaryZh: true, summaryEn: true, durationMinutes: true },
    orderBy: [{ seriesId: "asc" }, { position: "asc" }, { id: "asc" }],
    take: PAGE_SIZE,
  });
  return rows.map(({ summaryZh, summaryEn, ...c }) => ({
    ...c,
    summary: cardSummary({ summaryZh, summaryEn }, locale),
  }));
}

export async function statusesFor(userId: number, courseIds: number[]): Promise<Map<number, CardStatus>> {
  const out = new Map<number, CardStatus>();
  if (!courseIds.length) return out;
  const rows = await db.courseProgress.findMany({
    where: { userId, courseId: { in: courseIds } },
    select: { courseId: true, percent: true, completedAt: true },
  });
  for (const r of rows) {
    const prev = out.get(r.courseId);
    if (r.completedAt) {
      out.set(r.courseId, { state: "done", completedAt: r.completedAt.toISOString() });
    } else if (!prev || (prev.state === "progress" && prev.percent < r.percent) || prev.state === "new") {
      out.set(r.courseId, { state: "progress", percent: r.percent });
    }
  }
  return out;
}

/** Series for the filter, as [slug, title in the visitor's language]. */
export async function filterOptions(locale: Locale): Promise<[string, string][]> {
  const rows = await db.series.findMany({
    where: { retired: false },
    select: { slug: true, titleZh: true, titleEn: true },
    orderBy: { slug: "asc" },
  });
  return rows.map((s) => [s.slug, localTitle(locale, s)]);
}

export async function getSeriesPage(user: SessionUser, slug: string) {
  const series = await db.series.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      summaryZh: true,
      summaryEn: true,
      merge: true,
      retired: true,
    },
  });
  if (!series || series.retired) return null;
  const modules = await db.course.findMany({
    where: { seriesId: series.id, ...visibleCourseWhere(user.roles) },
    select: cardSelect,
    orderBy: { position: "asc" },
  });
  const statuses = await statusesFor(
    user.id,
    modules.map((m) => m.id),
  );
  const withStatus = modules.map((m) => ({
    ...m,
    status: libraryStatus(user.roles, m.status),
    competencies: JSON.parse(m.competencies) as string[],
    my: statuses.get(m.id) ?? ({ state: "new" } as CardStatus),
  }));
  const done = withStatus.filter((m) => m.my.state === "done").length;
  return { series, modules: withStatus, done, totalMinutes: modules.reduce((s, m) => s + m.durationMinutes, 0) };
}
