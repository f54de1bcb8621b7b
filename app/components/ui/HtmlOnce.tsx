import { useContext, useState } from "react";
import { HtmlOnceContext } from "~/lib/html-once";

interface Props {
  /** Unique in the page: finds the server's element again when the data holds no HTML. */
  id: string;
  /** Null when the document carried it in its markup only (decision 055). */
  html: string | null;
  className?: string;
}

function fromPage(id: string): string {
  if (typeof document === "undefined") return "";
  return document.querySelector(`[data-html-once="${CSS.escape(id)}"]`)?.innerHTML ?? "";
}

/**
 * Server-rendered HTML that a document sends once. On the server the HTML comes from the loader
 * data or, for a document, from the request's context; in the browser, hydrating that document,
 * it is read back from the element the server wrote, before React takes the element over. So the
 * client's first render equals the server's (no hydration mismatch), and the body survives even
 * if React has to re-render the page from scratch. Client navigations bring the HTML in the data.
 */
export function HtmlOnce({ id, html, className }: Props) {
  const kept = useContext(HtmlOnceContext);
  const [inPage] = useState(() => (html === null ? (kept?.get(id) ?? fromPage(id)) : ""));
  return <div className={className} data-html-once={id} dangerouslySetInnerHTML={{ __html: html ?? inPage }} />;
}
