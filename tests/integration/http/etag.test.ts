// ETag/304 for answers that are the same for everyone, on a real socket behind the production
// middleware: anonymous, cacheable answers are tagged and revalidated; per-person answers,
// documents with a CSP nonce and `no-store` answers never are.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "~/lib/security-headers";
import { compressResponses } from "../../../server/compression";
import { matchesTag, sharedETags } from "../../../server/etag";
import { securityHeaders } from "../../../server/http-guards";

let base = "";
let close: () => void;
const text = "同一份内容 the same for everyone\n".repeat(200);
let version = 1;

beforeAll(async () => {
  const app = express();
  // Express tags what res.send sends on its own; the Remix adapter never calls it.
  app.set("etag", false);
  app.use(securityHeaders());
  app.use(compressResponses());
  app.use(sharedETags());
  // Answered as the Remix adapter does: headers appended, then the body written in chunks.
  app.get("/shared", (_req, res) => {
    res.append("Content-Type", "text/plain; charset=utf-8");
    res.append("Cache-Control", "public, max-age=0, must-revalidate");
    res.write(text);
    res.end(`v${version}`);
  });
  app.get("/document", (_req, res) => {
    res.append("Content-Security-Policy", contentSecurityPolicy("n0nce"));
    res.type("html").send("<p>hi</p>");
  });
  app.get("/no-store", (_req, res) => {
    res.append("Cache-Control", "no-store");
    res.send(text);
  });
  app.get("/sets-cookie", (_req, res) => {
    res.append("Set-Cookie", "a=b");
    res.send(text);
  });
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("ETag and 304 where the answer is the same for everyone", () => {
  it("tags an anonymous cacheable answer and answers its tag with 304 and no body", async () => {
    const first = await fetch(base + "/shared");
    const tag = first.headers.get("ETag");
    expect(tag).toMatch(/^W\/".+"$/);
    expect(await first.text()).toBe(text + `v${version}`);
    const again = await fetch(base + "/shared", { headers: { "If-None-Match": tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("gives the same weak tag whether the answer is compressed or not", async () => {
    const br = await fetch(base + "/shared", { headers: { "Accept-Encoding": "br" } });
    const plain = await fetch(base + "/shared", { headers: { "Accept-Encoding": "identity" } });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("ETag")).toBe(plain.headers.get("ETag"));
    const revalidated = await fetch(base + "/shared", {
      headers: { "Accept-Encoding": "br", "If-None-Match": plain.headers.get("ETag")! },
    });
    expect(revalidated.status).toBe(304);
  });

  it("sends the new content when it changed", async () => {
    const tag = (await fetch(base + "/shared")).headers.get("ETag")!;
    version += 1;
    const changed = await fetch(base + "/shared", { headers: { "If-None-Match": tag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe(text + `v${version}`);
    expect(changed.headers.get("ETag")).not.toBe(tag);
  });

  it("never tags a signed-in answer, which stays private and unstored", async () => {
    const tag = (await fetch(base + "/shared")).headers.get("ETag")!;
    const res = await fetch(base + "/shared", { headers: { Cookie: "weike_session=a.b", "If-None-Match": tag } });
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBeNull();
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it.each(["/document", "/no-store", "/sets-cookie"])("never tags %s", async (path) => {
    const res = await fetch(base + path);
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBeNull();
    expect((await res.text()).length).toBeGreaterThan(0);
  });

  it("compares tags weakly and honours lists and *", () => {
    expect(matchesTag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesTag('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesTag("*", 'W/"abc"')).toBe(true);
    expect(matchesTag('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesTag(undefined, 'W/"abc"')).toBe(false);
  });
});
