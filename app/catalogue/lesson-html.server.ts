// Lesson Markdown rendered to HTML once per course version, not on every page view: parsing a
// 20,000-character lesson costs tens of milliseconds. The HTML comes from react-markdown with
// skipHtml and the safe URL transform (LessonMarkdown), so it never carries HTML from the file.
// A version's text never changes (a changed file is a new version), and the HTML does not depend
// on the reader's language (the lesson has one text; the page's own words are rendered around
// it), so the version id is the whole key. Decision 049.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LessonMarkdown } from "~/components/catalogue/LessonMarkdown";

/** Bounded by size, not count: a few long lessons must not crowd the server's memory. */
export const LESSON_HTML_MAX_CHARS = 4_000_000;

const cache = new Map<number, { parts: string[]; chars: number }>();
let cachedChars = 0;

export function toHtml(markdown: string): string {
  return markdown.trim() ? renderToStaticMarkup(createElement(LessonMarkdown, null, markdown)) : "";
}

/** HTML of each Markdown part of a version, cached by version id (versions never change). */
export function renderParts(versionId: number, parts: string[]): string[] {
  const hit = cache.get(versionId);
  if (hit && hit.parts.length === parts.length) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit.parts;
  }
  if (hit) forget(versionId);
  const html = parts.map(toHtml);
  const chars = html.reduce((n, h) => n + h.length, 0);
  if (chars > LESSON_HTML_MAX_CHARS) return html;
  cache.set(versionId, { parts: html, chars });
  cachedChars += chars;
  while (cachedChars > LESSON_HTML_MAX_CHARS) forget(cache.keys().next().value!);
  return html;
}

function forget(versionId: number) {
  const entry = cache.get(versionId);
  if (!entry) return;
  cache.delete(versionId);
  cachedChars -= entry.chars;
}

/** What the cache holds now (for tests and the memory check). */
export function lessonHtmlCacheSize() {
  return { versions: cache.size, chars: cachedChars };
}

export function clearLessonHtmlCache() {
  cache.clear();
  cachedChars = 0;
}
