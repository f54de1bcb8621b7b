// Walks every route module: each page (a module with a component) sets its own translated
// <title> and description through `meta`. Resource routes (CSV, ICS, healthz) have no page.
import { describe, expect, it } from "vitest";
import { pageMeta } from "~/lib/i18n/meta";

type MetaFn = (args: unknown) => { title?: string; name?: string; content?: string }[];
type RouteModule = { default?: unknown; meta?: MetaFn };

const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}", { eager: true });
// The bench's bare comparison page measures an empty page and is not part of the product.
const NOT_PAGES = new Set(["/app/routes/bench.baseline.tsx"]);

function metaOf(fn: MetaFn, locale: "zh" | "en", data?: unknown) {
  const tags = fn({ data, params: {}, location: { pathname: "/" }, matches: [{ id: "root", data: { locale } }] });
  return {
    title: tags.find((t) => "title" in t)?.title,
    description: tags.find((t) => t.name === "description")?.content,
  };
}

const pages = Object.entries(modules).filter(([file, mod]) => mod.default && !NOT_PAGES.has(file));

describe("page titles", () => {
  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  for (const [file, mod] of pages) {
    it(`${file} exports meta with a title and description in both languages`, () => {
      expect(typeof mod.meta).toBe("function");
      const meta = mod.meta as MetaFn;
      // Without loader data (an error page) a computed title falls back to the app's name.
      const zh = metaOf(meta, "zh");
      const en = metaOf(meta, "en");
      expect(zh.title).toMatch(/微课$/);
      expect(en.title).toMatch(/Weike$/);
      expect(zh.description).toBeTruthy();
      expect(en.description).toBeTruthy();
    });
  }

  it("translates a key and appends the app's name", () => {
    const meta = pageMeta("workflow:week.title") as unknown as MetaFn;
    const zh = metaOf(meta, "zh").title ?? "";
    const en = metaOf(meta, "en").title ?? "";
    expect(zh).toMatch(/^.+ · 微课$/);
    expect(en).toMatch(/^.+ · Weike$/);
    expect(zh.replace(" · 微课", "")).not.toBe(en.replace(" · Weike", ""));
  });

  it("builds a title from the page's loader data", () => {
    const meta = pageMeta<unknown>(({ data, t }) =>
      t("exams:history.title", { name: (data as { name: string }).name }),
    ) as unknown as MetaFn;
    expect(metaOf(meta, "en", { name: "Li Lei" }).title).toContain("Li Lei");
    expect(metaOf(meta, "en", { name: "Li Lei" }).title).toMatch(/ · Weike$/);
  });
});
