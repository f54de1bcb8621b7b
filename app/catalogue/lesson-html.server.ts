// Lesson Markdown rendered to HTML once per course version, not on every page view: parsing a
// 20,000-character lesson costs tens of milliseconds. The HTML comes from react-markdown with
// skipHtml and the safe URL transform (LessonMarkdown), so it never carries HTML from the file.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { LessonMarkdown } from "~/components/catalogue/LessonMarkdown";

const MAX_VERSIONS = 200;
const cache = new Map<number, string[]>();

export function toHtml(markdown: string): string {
  return markdown.trim() ? renderToStaticMarkup(createElement(LessonMarkdown, null, markdown)) : "";
}

/** HTML of each Markdown part of a version, cached by version id (versions never change). */
export function renderParts(versionId: number, parts: string[]): string[] {
  const hit = cache.get(versionId);
  if (hit && hit.length === parts.length) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit;
  }
  const html = parts.map(toHtml);
  cache.set(versionId, html);
  if (cache.size > MAX_VERSIONS) cache.delete(cache.keys().next().value!);
  return html;
}
