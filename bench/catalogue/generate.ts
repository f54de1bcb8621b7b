// Generates a content folder for the catalogue bench: the real lessons, plus N generated
// one-hour modules in series of ten (bodies stitched from the real lessons, so the search index
// sees realistic Chinese text), plus one lesson of about 20,000 characters.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const LONG_LESSON = "bench-long-lesson";
const PER_SERIES = 10;

function realBodies(contentDir: string): string[] {
  const root = path.join(contentDir, "courses");
  const out: string[] = [];
  for (const series of readdirSync(root).sort()) {
    for (const f of readdirSync(path.join(root, series)).sort()) {
      if (f === "series.md") continue;
      const text = readFileSync(path.join(root, series, f), "utf8");
      out.push(text.slice(text.indexOf("\n---", 3) + 4).trim());
    }
  }
  return out;
}

const QUIZ = [1, 2, 3, 4, 5]
  .map(
    (i) =>
      `    - id: q${i}\n      prompt: 第${i}题：下列哪项做法正确？\n      choices:\n        a: 先倾听客户\n        b: 打断客户\n      answer: [a]\n      explanation: 先倾听，才能理解客户的真实需求。`,
  )
  .join("\n");

function course(
  slug: string,
  series: string,
  position: number,
  title: string,
  body: string,
  area = "customer-service",
) {
  return `---
slug: ${slug}
title: { zh: "${title}", en: "Generated module ${slug}" }
summary: { zh: "用于性能测试的生成课程：${title}。", en: "A generated module for the benchmark." }
series: ${series}
position: ${position}
area: ${area}
competencies: [communication, understand-needs]
durationMinutes: 60
grade: junior
status: accepted
objectives:
  - 说出本课的要点
  - 在模拟通话中运用所学
trainers: [trainer@weike.test]
quiz:
  passMark: 80
  questions:
${QUIZ}
---
${body}
`;
}

/** Writes the folder (idempotent: an existing folder with the same count is kept as is). */
export function generateContent(out: string, count: number, realContent = "content"): string {
  const marker = path.join(out, ".generated");
  if (existsSync(marker) && readFileSync(marker, "utf8") === String(count)) return out;
  mkdirSync(out, { recursive: true });
  // The whole real library comes along (exams, FAQ, surveys), so the other scenarios that run
  // against the same server still find their content (and the competency model and policy files).
  for (const entry of readdirSync(realContent, { withFileTypes: true })) {
    cpSync(path.join(realContent, entry.name), path.join(out, entry.name), { recursive: true });
  }
  const bodies = realBodies(realContent);
  const areas = ["business", "customer-service", "supporting"];
  for (let i = 0; i < count; i++) {
    const s = Math.floor(i / PER_SERIES);
    const series = `bench-series-${String(s).padStart(3, "0")}`;
    const dir = path.join(out, "courses", series);
    if (i % PER_SERIES === 0) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, "series.md"),
        `---\nslug: ${series}\ntitle: { zh: "生成系列 ${s}", en: "Generated series ${s}" }\nsummary: { zh: "性能测试用系列。", en: "A series for the benchmark." }\nmerge: full-day\n---\n`,
      );
    }
    const pos = (i % PER_SERIES) + 1;
    const slug = `bench-${s}-${pos}`;
    const body = `${bodies[i % bodies.length]}\n\n## 附：编号 ${i}\n\n本节是生成内容，关键词 基准${i}。\n`;
    writeFileSync(
      path.join(dir, `${String(pos).padStart(2, "0")}-${slug}.md`),
      course(slug, series, pos, `生成课程 ${i}`, body, areas[i % 3]),
    );
  }
  // One long lesson of about 20,000 characters in six sections.
  const long = bodies
    .join("\n\n")
    .replace(/^## .*$/gm, "")
    .slice(0, 19_000);
  const chunk = Math.ceil(long.length / 6);
  const longBody = Array.from(
    { length: 6 },
    (_, k) => `## 第${k + 1}节\n\n${long.slice(k * chunk, (k + 1) * chunk)}`,
  ).join("\n\n");
  const longDir = path.join(out, "courses", "bench-long");
  mkdirSync(longDir, { recursive: true });
  writeFileSync(
    path.join(longDir, "series.md"),
    `---\nslug: bench-long\ntitle: { zh: 长课程, en: Long lesson }\nsummary: { zh: 长课程。, en: Long. }\n---\n`,
  );
  writeFileSync(
    path.join(longDir, `01-${LONG_LESSON}.md`),
    course(LONG_LESSON, "bench-long", 1, "两万字长课程", longBody),
  );
  writeFileSync(marker, String(count));
  return out;
}
