// Lesson text. Raw HTML in the Markdown is dropped (skipHtml; no rehype-raw), and link and
// image addresses are limited to safe schemes, whatever got past the content checker.
import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { rehypeLessonBlocks } from "./lesson-blocks";

/** Links keep only what react-markdown deems safe (http(s), mailto, relative); images come from public/ or https. */
export function safeUrl(url: string, key: string): string {
  const cleaned = defaultUrlTransform(url);
  if (key === "src") return /^(\/(?!\/)|https:\/\/)/i.test(cleaned) ? cleaned : "";
  return cleaned;
}

const components: Components = {
  a({ href, children, node: _node, ...rest }) {
    const external = href ? /^https?:/i.test(href) : false;
    return (
      <a href={href || undefined} {...rest} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
        {children}
      </a>
    );
  },
  img({ src, alt, node: _node, ...rest }) {
    return src ? <img src={String(src)} alt={alt ?? ""} loading="lazy" {...rest} /> : null;
  },
};

export function LessonMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[rehypeLessonBlocks]}
      skipHtml
      urlTransform={safeUrl}
      components={components}
    >
      {children}
    </ReactMarkdown>
  );
}
