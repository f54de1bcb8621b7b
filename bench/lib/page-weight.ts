// Bytes over the wire per page, as a browser fetches them: Chromium opens the page signed in,
// waits until the network is quiet (lazy chunks the page loads at once are counted too) and
// adds up the HTML and JavaScript responses, encoded (what travelled) and decoded (raw).
import { existsSync } from "node:fs";
import { chromium, type Browser, type Response } from "@playwright/test";

export interface PageWeight {
  path: string;
  status: number;
  htmlRaw: number;
  htmlWire: number;
  jsFiles: number;
  jsRaw: number;
  jsWire: number;
  /** Content-Encoding of each JavaScript response, counted ("br": 12). */
  jsEncodings: Record<string, number>;
}

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: systemChromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/** Opens `path` with the session cookie in a fresh context (empty cache) and weighs what it fetched. */
export async function weighPage(browser: Browser, baseUrl: string, cookie: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  const [name, value] = cookie.split("=", 2) as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
  const page = await context.newPage();
  const responses: Response[] = [];
  page.on("response", (r) => responses.push(r));
  try {
    // "load" waits for the page's module scripts; the quiet network then for what they import later.
    const main = await page.goto(baseUrl + path, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const weight: PageWeight = {
      path,
      status: main?.status() ?? 0,
      htmlRaw: 0,
      htmlWire: 0,
      jsFiles: 0,
      jsRaw: 0,
      jsWire: 0,
      jsEncodings: {},
    };
    for (const r of responses) {
      const type = r.request().resourceType();
      const isJs = type === "script" || /\.m?js(\?|$)/.test(new URL(r.url()).pathname);
      if (type !== "document" && !isJs) continue;
      const [sizes, body] = await Promise.all([r.request().sizes(), r.body().catch(() => Buffer.alloc(0))]);
      if (type === "document") {
        weight.htmlRaw += body.length;
        weight.htmlWire += sizes.responseBodySize;
      } else {
        const encoding = (await r.headerValue("content-encoding")) ?? "identity";
        weight.jsFiles += 1;
        weight.jsRaw += body.length;
        weight.jsWire += sizes.responseBodySize;
        weight.jsEncodings[encoding] = (weight.jsEncodings[encoding] ?? 0) + 1;
      }
    }
    return weight;
  } finally {
    await context.close();
  }
}

export const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
