// Compression of the production server's responses, on a real socket: dynamic answers are
// compressed as they stream, static files come from the build's .br/.gz copies with a cache
// header for ever, and both say Vary: Accept-Encoding.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressResponses, encodedFileHeaders, precompressedFiles } from "../../../server/compression";
import { markPublicFile, securityHeaders } from "../../../server/http-guards";
import { precompressDir } from "../../../server/precompress";

let base = "";
let close: () => void;
let dir = "";
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `词语 word ${i}`))};\n`;
const page = "<main>" + "<p>课程 course</p>".repeat(500) + "</main>";
let releaseSecondChunk: () => void = () => {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "weike-compress-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "assets/entry-AbC123.js"), script);
  writeFileSync(path.join(dir, "assets/tiny-XyZ789.js"), "export{};\n");
  writeFileSync(path.join(dir, "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(400)}</svg>`);
  precompressDir(dir);

  const app = express();
  app.use(securityHeaders());
  app.use(compressResponses());
  app.use(precompressedFiles(dir));
  const setHeaders = (res: express.Response) => {
    markPublicFile(res);
    encodedFileHeaders(res);
  };
  app.use("/assets", express.static(path.join(dir, "assets"), { immutable: true, maxAge: "1y", setHeaders }));
  app.use(express.static(dir, { maxAge: "1h", setHeaders }));
  app.get("/page", (_req, res) => {
    res.type("html").send(page);
  });
  // As the Remix adapter streams: a chunk, a flush, and the rest only once the client has the first.
  app.get("/stream", (_req, res) => {
    res.type("html");
    res.write("<p>first</p>".repeat(200));
    (res as unknown as { flush(): void }).flush();
    new Promise<void>((r) => (releaseSecondChunk = r)).then(() => res.end("<p>second</p>"));
  });
  app.get("/short", (_req, res) => res.json({ ok: true }));
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that keeps the body as sent (fetch would decode it). */
function get(url: string, headers: Record<string, string> = {}, onFirstChunk?: () => void): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(base + url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => {
          if (chunks.length === 0) onFirstChunk?.();
          chunks.push(c);
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const decode = (r: Raw) =>
  (r.headers["content-encoding"] === "br"
    ? brotliDecompressSync(r.body)
    : r.headers["content-encoding"] === "gzip"
      ? gunzipSync(r.body)
      : r.body
  ).toString("utf8");

describe("dynamic responses", () => {
  it("are Brotli-compressed when the browser accepts it, with Vary", async () => {
    const r = await get("/page", { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    expect(r.body.length).toBeLessThan(page.length / 5);
    expect(decode(r)).toBe(page);
  });

  it("fall back to gzip, and to plain text for a client that accepts neither", async () => {
    const gz = await get("/page", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(decode(gz)).toBe(page);
    const plain = await get("/page", { "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(page);
  });

  it("leave a short answer uncompressed", async () => {
    const r = await get("/short", { "Accept-Encoding": "br" });
    expect(r.headers["content-encoding"]).toBeUndefined();
  });

  it("still stream: a flushed chunk arrives before the response ends", async () => {
    // Were the compressor to hold the first chunk, the server would wait for ever for the client.
    const r = await get("/stream", { "Accept-Encoding": "br" }, () => releaseSecondChunk());
    expect(r.headers["content-encoding"]).toBe("br");
    expect(decode(r)).toBe("<p>first</p>".repeat(200) + "<p>second</p>");
  });
});

describe("static files", () => {
  it("send the build's Brotli copy of a hashed asset, cached for ever", async () => {
    const r = await get("/assets/entry-AbC123.js", { "Accept-Encoding": "gzip, deflate, br" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers["content-type"]).toMatch(/javascript/);
    expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(r.body.equals(readFileSync(path.join(dir, "assets/entry-AbC123.js.br")))).toBe(true);
    expect(decode(r)).toBe(script);
  });

  it("send the gzip copy to a gzip-only client and the file itself to others", async () => {
    const gz = await get("/assets/entry-AbC123.js", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(decode(gz)).toBe(script);
    const plain = await get("/assets/entry-AbC123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString("utf8")).toBe(script);
  });

  it("answer a repeated request for the same copy with 304", async () => {
    const first = await get("/assets/entry-AbC123.js", { "Accept-Encoding": "br" });
    const etag = String(first.headers.etag);
    const again = await get("/assets/entry-AbC123.js", { "Accept-Encoding": "br", "If-None-Match": etag });
    expect(again.status).toBe(304);
    // The gzip copy is another representation: its tag differs, so it is never mistaken for it.
    const gz = await get("/assets/entry-AbC123.js", { "Accept-Encoding": "gzip", "If-None-Match": etag });
    expect(gz.status).toBe(200);
  });

  it("leave files too small for a copy as they are, and serve copies of other public files", async () => {
    const tiny = await get("/assets/tiny-XyZ789.js", { "Accept-Encoding": "br" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body.toString("utf8")).toBe("export{};\n");
    const svg = await get("/logo.svg", { "Accept-Encoding": "br" });
    expect(svg.headers["content-encoding"]).toBe("br");
    expect(svg.headers["content-type"]).toMatch(/image\/svg\+xml/);
    expect(svg.headers["cache-control"]).toBe("public, max-age=3600");
  });
});
