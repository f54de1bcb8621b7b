// The built server over the wire: pages compressed, hashed assets from their Brotli copies and
// cached for ever, and the browser fetching only the page's language (decision 046).
import { expect, test } from "./fixtures";

test("a signed-in page and its scripts arrive compressed; assets are cached for ever", async ({
  page,
  loginAs,
  newUser,
}) => {
  await loginAs((await newUser({ like: "trainee5@weike.test" })).email, "en");
  const scripts: { url: string; encoding?: string; cache?: string; vary?: string }[] = [];
  page.on("response", (r) => {
    if (new URL(r.url()).pathname.startsWith("/assets/") && r.url().endsWith(".js")) {
      const h = r.headers();
      scripts.push({ url: r.url(), encoding: h["content-encoding"], cache: h["cache-control"], vary: h["vary"] });
    }
  });
  const doc = await page.goto("/courses");
  const headers = doc!.headers();
  expect(headers["content-encoding"]).toMatch(/^(br|gzip)$/);
  expect(headers["vary"]).toMatch(/Accept-Encoding/i);
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["etag"]).toBeUndefined();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const big = scripts.filter((s) => s.encoding);
  expect(big.length).toBeGreaterThan(3);
  for (const s of big) {
    expect(s.encoding).toBe("br");
    expect(s.vary).toMatch(/Accept-Encoding/i);
    expect(s.cache).toBe("public, max-age=31536000, immutable");
  }
  // The English page fetched the English messages and not the Chinese ones.
  expect(scripts.some((s) => /\/assets\/en-[\w-]+\.js$/.test(s.url))).toBe(true);
  expect(scripts.some((s) => /\/assets\/zh-[\w-]+\.js$/.test(s.url))).toBe(false);
});

test("a client without Brotli gets gzip copies, and a client that asks for nothing gets plain files", async ({
  request,
  page,
  loginAs,
  newUser,
}) => {
  await loginAs((await newUser({ like: "trainee5@weike.test" })).email);
  await page.goto("/");
  const src = await page.locator('link[rel="modulepreload"][href*="entry.client"]').getAttribute("href");
  expect(src).toMatch(/^\/assets\//);
  const gz = await request.get(src!, { headers: { "Accept-Encoding": "gzip" } });
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  const plain = await request.get(src!, { headers: { "Accept-Encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(plain.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(await plain.text()).toBe(await gz.text());
});
