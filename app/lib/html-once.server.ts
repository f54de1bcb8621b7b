// The server half of decision 055. The production server marks each request's load context with
// whether it asks for a document (an HTML page) or for data (a client navigation's `.data`). For a
// document, a loader hands its long HTML to `htmlOnce`, which keeps it in the load context for the
// render and returns null for the loader data; for data, the HTML stays in the data. A context
// without the mark (the development server, a test calling the loader) keeps the HTML in the data:
// twice on the wire, but never missing.

export type HtmlOnceRequest = {
  /** True for a page, false for `.data`; absent when the server does not say. */
  documentRequest?: boolean;
  /** The HTML kept out of the loader data, by part id, for this request's render. */
  htmlOnce?: Map<string, string>;
};

/** The mark, from the request's path (single fetch asks for `<path>.data`). */
export function documentRequestContext(path: string): HtmlOnceRequest {
  return { documentRequest: !path.endsWith(".data") };
}

/** `html` for the loader data, or null when the document's render will take it from the context. */
export function htmlOnce(context: unknown, id: string, html: string): string | null {
  const c = context as HtmlOnceRequest | undefined;
  if (!c?.documentRequest || html === "") return html;
  (c.htmlOnce ??= new Map()).set(id, html);
  return null;
}

/** What the render of this document may take from the context. */
export function keptHtml(context: unknown): ReadonlyMap<string, string> | null {
  return (context as HtmlOnceRequest | undefined)?.htmlOnce ?? null;
}
