// The exam content the app runs on: read from files, cached until a file changes, and recorded
// as a version row the first time an attempt uses it (attempts point at what was taken).
import { createHash } from "node:crypto";
import type { Db, Tx } from "~/lib/db.server";
import { contentDir } from "~/lib/env.server";
import type { PlanExam } from "./content";
import { examKey } from "./content";
import {
  examContentFiles,
  examSignatureFiles,
  loadExamContent,
  signatureOf,
  type ExamContent,
} from "./content-load.server";

const RECHECK_MS = 2000;
// Kept on globalThis: the server entry and the app build each bundle this module, and the entry
// loads the content at start-up for the app to use.
const holder = globalThis as unknown as {
  __weikeExamContent?: { dir: string; checkedAt: number; content: ExamContent } | null;
};
let loading: Promise<ExamContent> | null = null;

async function refresh(dir: string): Promise<ExamContent> {
  const content = await loadExamContent(dir);
  if (content.problems.length) {
    console.warn(`[weike] exam content: ${content.problems.length} problem(s); the files with problems are skipped`);
  }
  holder.__weikeExamContent = { dir, checkedAt: Date.now(), content };
  return content;
}

export async function examContent(): Promise<ExamContent> {
  const dir = contentDir();
  const cache = holder.__weikeExamContent;
  if (cache && cache.dir === dir) {
    if (Date.now() - cache.checkedAt < RECHECK_MS) return cache.content;
    const files = await examContentFiles(dir);
    const sig = await signatureOf(examSignatureFiles(dir, files));
    if (sig === cache.content.signature) {
      cache.checkedAt = Date.now();
      return cache.content;
    }
  }
  loading ??= refresh(dir).finally(() => (loading = null));
  return loading;
}

/** Forget the cache (tests that write content). */
export function resetExamContentCache() {
  holder.__weikeExamContent = null;
}

/** Whether the exam content is loaded (for the start-up log and its test). */
export function examContentLoaded(): boolean {
  return Boolean(holder.__weikeExamContent && holder.__weikeExamContent.dir === contentDir());
}

/** Reads the exam content once at start-up; a failure is logged, and the first exam page retries. */
export async function loadExamContentAtStartup(): Promise<void> {
  try {
    const started = performance.now();
    const c = await examContent();
    const ms = Math.round(performance.now() - started);
    console.log(
      `[exams] loaded ${c.plan?.exams.length ?? 0} exams, ${c.passages.length} passages, ${c.banks.length} banks, ${c.faq.length} FAQ categories (${ms} ms)`,
    );
  } catch (e) {
    console.error("[exams] loading exam content failed:", e);
  }
}

export function planExam(content: ExamContent, key: string): PlanExam | undefined {
  return content.plan?.exams.find((e) => examKey(e) === key);
}

export function phraseMap(content: ExamContent): Map<string, string> {
  return new Map(content.faq.flatMap((c) => c.phrases.map((p) => [p.shortcut, p.text] as const)));
}

// Content objects are never changed once loaded (a new load makes new ones): a start hashes the
// same passage, bank or script for every trainee, so each object's hash is kept with it.
const hashes = new WeakMap<object, string>();

export function hashData(data: unknown): string {
  const known = typeof data === "object" && data !== null ? hashes.get(data) : undefined;
  if (known) return known;
  const hash = createHash("sha256").update(JSON.stringify(data)).digest("hex");
  if (typeof data === "object" && data !== null) hashes.set(data, hash);
  return hash;
}

/** The id of this exact content (kind, key, data), created the first time it is used. */
export async function contentVersionId(tx: Tx | Db, kind: string, key: string, data: unknown): Promise<number> {
  const contentHash = hashData(data);
  const found = await tx.examContentVersion.findUnique({
    where: { kind_key_contentHash: { kind, key, contentHash } },
    select: { id: true },
  });
  if (found) return found.id;
  try {
    const created = await tx.examContentVersion.create({
      data: { kind, key, contentHash, data: JSON.stringify(data) },
      select: { id: true },
    });
    return created.id;
  } catch (e) {
    // Outside a transaction two first starts may race to record it: the loser reads the winner's.
    if ((e as { code?: string }).code !== "P2002") throw e;
    const row = await tx.examContentVersion.findUniqueOrThrow({
      where: { kind_key_contentHash: { kind, key, contentHash } },
      select: { id: true },
    });
    return row.id;
  }
}
