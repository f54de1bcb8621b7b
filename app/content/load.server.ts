// Reads content/courses/<series>/… from disk, parses every file and runs the checks that span
// files (duplicate slugs, positions, series membership). Writes nothing.
import { readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { CourseFrontMatter, SeriesFrontMatter } from "./course-schema";
import { lineOfPath, lineOfTopLevelKey, splitFrontMatter } from "./front-matter";
import { hashBytes, MAX_FILE_BYTES, parseCourseFile, parseSeriesFile, type ParsedFile } from "./parse";
import { loadPolicy } from "./policy.server";
import { sortProblems, type ContentProblem } from "./problems";
import { timed, timedAsync } from "./sync-phases";

// `source` is where the file lives relative to the content folder ("courses/<series>/<file>.md"):
// a course keeps its identity when the folder moves or is named by another path; `path` is how
// problems show the file to its author.
export type LoadedCourse = ParsedFile<CourseFrontMatter> & { known?: false; source: string };
export type LoadedSeries = ParsedFile<SeriesFrontMatter> & { known?: false; source: string };
/** A file whose bytes match what the database already holds: not parsed again. */
export type KnownCourse = { known: true; path: string; source: string; hash: string; data: { slug: string; series: string; position: number }; lineOf: (field: string) => number };
export type KnownSeries = { known: true; path: string; source: string; hash: string; data: { slug: string }; lineOf: (field: string) => number };

export type KnownFiles = {
  courses: Map<string, { hash: string; slug: string; series: string; position: number }>;
  series: Map<string, { hash: string; slug: string }>;
};

export type ContentTree = {
  series: (LoadedSeries | KnownSeries)[];
  courses: (LoadedCourse | KnownCourse)[];
  /** Every file seen, valid or not, with its hash: a broken file must not retire its course. */
  files: { path: string; source: string; hash: string; kind: "course" | "series"; ok: boolean }[];
  problems: ContentProblem[];
};

const policyChecked = new Map<string, string>();

const MODULE_NAME = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

// Anything far past the limit is reported from its size without reading it.
async function readBounded(file: string): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.size > 16 * MAX_FILE_BYTES) return new Uint8Array(info.size);
  return readFile(file);
}

async function listDir(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
}

/** Paths in problems read as the author sees them: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}

type Entry = { folder: string; name: string; file: string; shown: string; source: string };

async function listEntries(root: string): Promise<Entry[] | null> {
  const folders = await listDir(root);
  if (!folders) return null;
  const lists = await Promise.all(
    folders
      .filter((d) => d.isDirectory())
      .map(async (folder) => {
        const entries = (await listDir(path.join(root, folder.name))) ?? [];
        return entries
          .filter((e) => e.isFile() && e.name.endsWith(".md"))
          .map((e) => {
            const file = path.join(root, folder.name, e.name);
            return { folder: folder.name, name: e.name, file, shown: displayPath(file), source: `courses/${folder.name}/${e.name}` };
          });
      }),
  );
  // Path order decides which of two clashing files keeps a slug or position.
  return lists.flat().sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

/**
 * Loads the folder. With `known`, a file whose path and hash match the database is not parsed:
 * only its slug, series and position take part in the cross-file checks.
 */
export async function loadContent(contentDir: string, knownFiles?: KnownFiles): Promise<ContentTree> {
  const root = path.join(contentDir, "courses");
  const tree: ContentTree = { series: [], courses: [], files: [], problems: [] };
  // The phrasing policy's own problems are reported here, once, with the course problems.
  const { policy, problems: policyProblems, signature } = await loadPolicy(contentDir);
  tree.problems.push(...policyProblems);
  // Files already in the database were checked against the policy this process last used; a
  // new policy (or a new process) checks every file again.
  const known = policyChecked.get(contentDir) === signature ? knownFiles : undefined;
  const entries = await timedAsync("read", () => listEntries(root));
  if (!entries) {
    tree.problems.push({ path: displayPath(root), line: 1, message: "folder: content/courses is missing" });
    return tree;
  }
  const validSeries = new Set<string>();
  const candidates: (LoadedCourse | KnownCourse)[] = [];
  const fileRecord = new Map<string, ContentTree["files"][number]>();
  const record = (shown: string, source: string, hash: string, kind: "course" | "series", ok: boolean) => {
    const f = { path: shown, source, hash, kind, ok };
    tree.files.push(f);
    fileRecord.set(shown, f);
    return f;
  };
  // Lines are only needed when a known file turns out to clash or claims `accepted` without a
  // record; read its front matter then. The file passed every check when it was stored, so its
  // top-level keys give the line without parsing: a thousand unrecorded claims on an unchanged
  // library would otherwise parse a thousand files again.
  const lazyLines = (file: string) => (field: string) => {
    const split = splitFrontMatter(readFileSync(file, "utf8"));
    if (!split.ok) return 1;
    const path = field.split(".");
    return path.length === 1 ? lineOfTopLevelKey(split.yamlText, split.yamlStartLine, field) : lineOfPath(split.yamlText, split.yamlStartLine, path);
  };

  const visit = ({ folder, name, shown, file, source }: Entry, bytes: Uint8Array) => {
    if (name === "series.md") {
      const hash = timed("read", () => hashBytes(bytes));
      const k = known?.series.get(source);
      if (k && k.hash === hash && k.slug === folder) {
        record(shown, source, hash, "series", true);
        tree.series.push({ known: true, path: shown, source, hash, data: { slug: k.slug }, lineOf: () => 1 });
        validSeries.add(k.slug);
        return;
      }
      const r = parseSeriesFile(shown, bytes, policy);
      const f = record(shown, source, r.ok ? r.file.hash : r.hash, "series", r.ok);
      if (!r.ok) return void tree.problems.push(...r.problems);
      if (r.file.data.slug !== folder) {
        tree.problems.push({ path: shown, line: r.file.lineOf("slug"), message: `slug: "${r.file.data.slug}" must match the folder name "${folder}"` });
        f.ok = false;
        return;
      }
      tree.series.push({ ...r.file, source });
      validSeries.add(r.file.data.slug);
      return;
    }
    const m = MODULE_NAME.exec(name);
    if (!m) {
      tree.problems.push({ path: shown, line: 1, message: "file: a module file is named <nn>-<slug>.md, e.g. 01-marketing-opening.md" });
      record(shown, source, hashBytes(bytes), "course", false);
      return;
    }
    const hash = timed("read", () => hashBytes(bytes));
    const k = known?.courses.get(source);
    if (k && k.hash === hash && k.series === folder && k.position === Number(m[1])) {
      record(shown, source, hash, "course", true);
      candidates.push({ known: true, path: shown, source, hash, data: { slug: k.slug, series: k.series, position: k.position }, lineOf: lazyLines(file) });
      return;
    }
    const r = parseCourseFile(shown, bytes, policy);
    const f = record(shown, source, r.ok ? r.file.hash : r.hash, "course", r.ok);
    if (!r.ok) return void tree.problems.push(...r.problems);
    const problems: ContentProblem[] = [];
    if (r.file.data.series !== folder) {
      problems.push({ path: shown, line: r.file.lineOf("series"), message: `series: "${r.file.data.series}" must match the folder name "${folder}"` });
    }
    if (Number(m[1]) !== r.file.data.position) {
      problems.push({ path: shown, line: r.file.lineOf("position"), message: `position: ${r.file.data.position} does not match the file name prefix ${m[1]}` });
    }
    if (problems.length) {
      tree.problems.push(...problems);
      f.ok = false;
      return;
    }
    candidates.push({ ...r.file, source });
  };
  // Read in small batches and let go of the bytes: a thousand lessons need not sit in memory.
  const BATCH = 64;
  for (let i = 0; i < entries.length; i += BATCH) {
    const slice = entries.slice(i, i + BATCH);
    const read = await timedAsync("read", () => Promise.all(slice.map(async (e) => ({ e, bytes: await readBounded(e.file) }))));
    for (const { e, bytes } of read) visit(e, bytes);
  }

  // Cross-file rules: a file already published keeps its slug and position, then the first file
  // in path order; later ones are reported, so a new duplicate never takes over a live course.
  candidates.sort((a, b) => Number(Boolean(b.known)) - Number(Boolean(a.known)));
  const bySlug = new Map<string, { path: string }>();
  const byPosition = new Map<string, { path: string }>();
  for (const c of candidates) {
    const reject = (message: string, field: string) => {
      tree.problems.push({ path: c.path, line: c.lineOf(field), message });
      fileRecord.get(c.path)!.ok = false;
    };
    const twin = bySlug.get(c.data.slug);
    if (twin) {
      reject(`slug: duplicate slug "${c.data.slug}", already used by ${twin.path}`, "slug");
      continue;
    }
    if (!validSeries.has(c.data.series)) {
      reject(`series: unknown series "${c.data.series}" (the folder needs a valid series.md)`, "series");
      continue;
    }
    const posKey = `${c.data.series}#${c.data.position}`;
    const other = byPosition.get(posKey);
    if (other) {
      reject(`position: ${c.data.position} is used twice in series "${c.data.series}" (also ${other.path})`, "position");
      continue;
    }
    bySlug.set(c.data.slug, c);
    byPosition.set(posKey, c);
    tree.courses.push(c);
  }
  tree.problems = sortProblems(tree.problems);
  policyChecked.set(contentDir, signature);
  return tree;
}
