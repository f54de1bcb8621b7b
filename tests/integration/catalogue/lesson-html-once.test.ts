// Decision 055: a lesson page carries its HTML in the markup only; a client navigation's data
// carries it for the browser to render.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { HtmlOnce } from "~/components/ui/HtmlOnce";
import { HtmlOnceContext } from "~/lib/html-once";
import { documentRequestContext, keptHtml, type HtmlOnceRequest } from "~/lib/html-once.server";
import { loader as lessonLoader } from "~/routes/courses.$slug";
import { syncAndEnter } from "../../fixtures/library";
import { createTestUser, makeRequest } from "../../fixtures/users";

const SLUG = "complaint-four-steps";

beforeAll(async () => {
  await syncAndEnter(process.env.CONTENT_DIR!);
});

async function load(userId: number, context: HtmlOnceRequest) {
  const request = await makeRequest(`/courses/${SLUG}`, { userId });
  return lessonLoader({ request, params: { slug: SLUG }, context });
}

describe("lesson HTML sent once", () => {
  it("tells a page from a client navigation's data by the path", () => {
    expect(documentRequestContext("/courses/a")).toEqual({ documentRequest: true });
    expect(documentRequestContext("/courses/a.data")).toEqual({ documentRequest: false });
    expect(documentRequestContext("/_root.data")).toEqual({ documentRequest: false });
  });

  it("leaves the HTML out of a page's data and hands it to the render instead", async () => {
    const u = await createTestUser();
    const asData = (await load(u.id, documentRequestContext("/courses/x.data"))).lesson;
    const context = documentRequestContext(`/courses/${SLUG}`);
    const asPage = (await load(u.id, context)).lesson;

    expect(asData.sections.length).toBeGreaterThan(1);
    for (const s of asData.sections) expect(s.html).toMatch(/^<p>|^<[a-z]/);
    expect(asPage.sections.every((s) => s.html === null)).toBe(true);
    expect(JSON.stringify(asPage)).not.toContain(asData.sections[0]!.html!);

    // The render takes each part from the context, and writes the same markup as from the data.
    const kept = keptHtml(context)!;
    for (const s of asData.sections) {
      const id = `lesson-${asData.versionId}-${s.id}`;
      expect(kept.get(id)).toBe(s.html);
      const fromData = renderToStaticMarkup(createElement(HtmlOnce, { id, html: s.html }));
      const fromContext = renderToStaticMarkup(
        createElement(HtmlOnceContext.Provider, { value: kept }, createElement(HtmlOnce, { id, html: null })),
      );
      expect(fromContext).toBe(fromData);
      expect(fromContext).toContain(s.html!);
    }
  });

  it("keeps the HTML in the data when the server does not say what was asked", async () => {
    const u = await createTestUser();
    const page = (await load(u.id, {})).lesson;
    expect(page.sections.every((s) => typeof s.html === "string" && s.html.length > 0)).toBe(true);
  });
});
