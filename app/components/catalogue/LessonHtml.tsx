// Lesson text rendered on the server by LessonMarkdown (react-markdown with skipHtml and safe
// URLs): the HTML is ours, escaped from the Markdown, never HTML taken from a content file.
export function LessonHtml({ html }: { html: string }) {
  return <div className="lesson__md" dangerouslySetInnerHTML={{ __html: html }} />;
}
