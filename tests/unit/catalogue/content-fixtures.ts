// Course and series files for tests: valid unless a field is overridden ("<omit>" drops it).
const QUESTIONS = [1, 2, 3, 4, 5]
  .map(
    (n) => `    - id: q${n}
      prompt: 问题${n}
      choices:
        a: 对
        b: 错
      answer: [a]
      explanation: 因为${n}`,
  )
  .join("\n");

export function courseText(over: Record<string, string> = {}, body = "## 第一节\n内容\n\n## 第二节\n更多内容\n") {
  const fields: Record<string, string> = {
    slug: "sample-course",
    title: "{ zh: 示例课程, en: Sample course }",
    summary: "{ zh: 摘要, en: Summary }",
    series: "sample",
    position: "1",
    area: "customer-service",
    competencies: "[communication]",
    durationMinutes: "60",
    grade: "junior",
    status: "accepted",
    objectives: "\n  - 目标一\n  - 目标二",
    trainers: "[trainer@weike.test]",
    quiz: `\n  passMark: 80\n  questions:\n${QUESTIONS}`,
    ...over,
  };
  const yaml = Object.entries(fields)
    .filter(([, v]) => v !== "<omit>")
    .map(([k, v]) => `${k}:${v.startsWith("\n") ? "" : " "}${v}`)
    .join("\n");
  return `---\n${yaml}\n---\n${body}`;
}

export const seriesText = (slug = "sample", merge = "none") =>
  `---\nslug: ${slug}\ntitle: { zh: 示例系列, en: Sample series }\nsummary: { zh: 系列摘要, en: Series summary }\nmerge: ${merge}\n---\n`;
