// Page weight: bytes over the wire for each trainee page — the HTML and every JavaScript file
// the browser fetches (module preloads, their imports, and chunks loaded at once) — raw and as
// sent. Target: ≤ 150 KB of compressed JavaScript per trainee page.
import { kb, launchBrowser, weighPage } from "../lib/page-weight";
import type { BenchRow, Scenario } from "../lib/types";

const TARGET_KB = 150;

/** The trainee pages, with the lesson taken from the catalogue's first course. */
async function traineePages(baseUrl: string, cookie: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/courses`, { headers: { cookie } })).text();
  const lesson = /href="(\/courses\/[a-z0-9-]+)"/.exec(html)?.[1];
  if (!lesson) throw new Error("no course link on /courses");
  // The trainee's own exam history, linked from the exams page.
  const exams = await (await fetch(`${baseUrl}/exams`, { headers: { cookie } })).text();
  const history = /href="(\/exams\/history\/\d+)"/.exec(exams)?.[1];
  return [
    "/",
    "/courses",
    lesson,
    "/exams",
    "/exams/typing",
    ...(history ? [history] : []),
    "/competency",
    "/competency/self",
    "/notifications",
  ];
}

const scenario: Scenario = {
  name: "weight",
  async run(ctx) {
    const cookie = ctx.cookieFor("trainee@weike.test");
    const browser = await launchBrowser();
    const rows: BenchRow[] = [];
    try {
      for (const path of await traineePages(ctx.baseUrl, cookie)) {
        const w = await weighPage(browser, ctx.baseUrl, cookie, path);
        rows.push({
          scenario: "weight",
          name: `trainee page ${path}`,
          figures: {
            status: w.status,
            htmlKb: kb(w.htmlRaw),
            htmlWireKb: kb(w.htmlWire),
            jsFiles: w.jsFiles,
            jsKb: kb(w.jsRaw),
            jsWireKb: kb(w.jsWire),
            jsEncoding: Object.entries(w.jsEncodings)
              .map(([e, n]) => `${e}:${n}`)
              .join(","),
          },
          target: `≤ ${TARGET_KB} KB compressed JS`,
          // No script at all means the measurement missed them, not a light page.
          pass: w.status === 200 && w.jsFiles > 0 && kb(w.jsWire) <= TARGET_KB,
        });
      }
    } finally {
      await browser.close();
    }
    return rows;
  },
};

export default scenario;
