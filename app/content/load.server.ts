// Reads content/courses/<series>/… from disk, parses every file and runs the checks that span
// files (duplicate slugs, positions, series membership). Writes nothing.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { CourseFrontMatter, SeriesFrontMatter } from "./course-schema";
import { hashBytes, MAX_FILE_BYTES, parseCourseFile, parseSeriesFile, type ParsedFile } from "./parse";
import { sortProblems, type ContentProblem } from "./problems";

export type LoadedCourse = ParsedFile<CourseFrontMatter>;
export type LoadedSeries = ParsedFile<SeriesFrontMatter>;

export type ContentTree = {
  series: LoadedSeries[];
  courses: LoadedCourse[];
  /** Every file seen, valid or not, with its hash: a broken file must not retire its course. */
  files: { path: string; hash: string; kind: "course" | "series"; ok: boolean }[];
  problems: ContentProblem[];
};

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

/**
 * Paths in problems are relative to the content folder's parent when it is ./content (so they
 * read `content/courses/…` as the author sees them), otherwise relative to the working directory.
 */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}

export async function loadContent(contentDir: string): Promise<ContentTree> {
  const root = path.join(contentDir, "courses");
  const tree: ContentTree = { series: [], courses: [], files: [], problems: [] };
  const folders = await listDir(root);
  if (!folders) {
    tree.problems.push({ path: displayPath(root), line: 1, message: "folder: content/courses is missing" });
    return tree;
  }
  const seriesBySlug = new Map<string, LoadedSeries>();
  for (const folder of folders.filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(root, folder.name);
    const entries = (await listDir(dir)) ?? [];
    const names = entries.filter((e) => e.isFile() && e.name.endsWith(".md")).map((e) => e.name).sort();
    for (const name of names) {
      const file = path.join(dir, name);
      const shown = displayPath(file);
      const bytes = await readBounded(file);
      if (name === "series.md") {
        const r = parseSeriesFile(shown, bytes);
        tree.files.push({ path: shown, hash: r.ok ? r.file.hash : r.hash, kind: "series", ok: r.ok });
        if (!r.ok) {
          tree.problems.push(...r.problems);
          continue;
        }
        if (r.file.data.slug !== folder.name) {
          tree.problems.push({ path: shown, line: r.file.lineOf("slug"), message: `slug: "${r.file.data.slug}" must match the folder name "${folder.name}"` });
          tree.files[tree.files.length - 1].ok = false;
          continue;
        }
        tree.series.push(r.file);
        seriesBySlug.set(r.file.data.slug, r.file);
        continue;
      }
      const m = MODULE_NAME.exec(name);
      if (!m) {
        tree.problems.push({ path: shown, line: 1, message: "file: a module file is named <nn>-<slug>.md, e.g. 01-marketing-opening.md" });
        tree.files.push({ path: shown, hash: hashBytes(bytes), kind: "course", ok: false });
        continue;
      }
      const r = parseCourseFile(shown, bytes);
      tree.files.push({ path: shown, hash: r.ok ? r.file.hash : r.hash, kind: "course", ok: r.ok });
      if (!r.ok) {
        tree.problems.push(...r.problems);
        continue;
      }
      const problems: ContentProblem[] = [];
      if (r.file.data.series !== folder.name) {
        problems.push({ path: shown, line: r.file.lineOf("series"), message: `series: "${r.file.data.series}" must match the folder name "${folder.name}"` });
      }
      if (Number(m[1]) !== r.file.data.position) {
        problems.push({ path: shown, line: r.file.lineOf("position"), message: `position: ${r.file.data.position} does not match the file name prefix ${m[1]}` });
      }
      if (problems.length) {
        tree.problems.push(...problems);
        tree.files[tree.files.length - 1].ok = false;
        continue;
      }
      tree.courses.push(r.file);
    }
  }
  // Cross-file rules: the first file (in path order) keeps a slug or position; later ones are reported.
  const bySlug = new Map<string, LoadedCourse>();
  const byPosition = new Map<string, LoadedCourse>();
  const kept: LoadedCourse[] = [];
  for (const c of tree.courses) {
    const reject = (message: string, field: string) => {
      tree.problems.push({ path: c.path, line: c.lineOf(field), message });
      tree.files.find((f) => f.path === c.path)!.ok = false;
    };
    const twin = bySlug.get(c.data.slug);
    if (twin) {
      reject(`slug: duplicate slug "${c.data.slug}", already used by ${twin.path}`, "slug");
      continue;
    }
    if (!seriesBySlug.has(c.data.series)) {
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
    kept.push(c);
  }
  tree.courses = kept;
  tree.problems = sortProblems(tree.problems);
  return tree;
}
