// Security headers and body limits of the production server's middleware, on a real socket.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "~/lib/security-headers";
import { bodyLimit, markPublicFile, securityHeaders } from "../../../server/http-guards";

let base = "";
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", 1);
  app.use(securityHeaders());
  app.use(bodyLimit());
  // Handlers answer the way the Remix adapter does: headers appended, then the body.
  app.get("/report.csv", (_req, res) => {
    res.append("Content-Type", "text/csv; charset=utf-8");
    res.append("Cache-Control", "public, max-age=600");
    res.send("a,b\n");
  });
  app.use("/assets", express.static("public", { maxAge: "1y", setHeaders: markPublicFile }));
  app.get("/healthz", (_req, res) => res.json({ status: "ok" }));
  app.get("/page", (_req, res) => {
    res.append("Content-Security-Policy", contentSecurityPolicy("abc"));
    res.append("X-Content-Type-Options", "nosniff");
    res.type("html").send("<p>hi</p>");
  });
  app.post("/login", (_req, res) => res.send("read"));
  app.post("/exams/typing", (_req, res) => res.send("read"));
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const signedIn = { Cookie: "lang=en; weike_session=abc.def" };

describe("security headers on every response", () => {
  it.each(["/report.csv", "/healthz", "/page", "/missing"])(
    "%s has nosniff, a referrer policy and no framing",
    async (path) => {
      const res = await fetch(base + path);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("Strict-Transport-Security")).toBeNull();
    },
  );

  it("keeps a document's own CSP and does not double headers", async () => {
    const res = await fetch(base + "/page");
    expect(res.headers.get("Content-Security-Policy")).toContain("'nonce-abc'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("forbids caching of anything answered to a signed-in request", async () => {
    const res = await fetch(base + "/report.csv", { headers: signedIn });
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const anonymous = await fetch(base + "/report.csv");
    expect(anonymous.headers.get("Cache-Control")).toBe("public, max-age=600");
    // Public static files stay cacheable: they are the same for everyone.
    const file = await fetch(base + "/assets/favicon.svg", { headers: signedIn });
    expect(file.status).toBe(200);
    expect(file.headers.get("Cache-Control")).toMatch(/max-age=31536000/);
  });

  it("sends HSTS only over HTTPS (as told by the one trusted proxy)", async () => {
    const res = await fetch(base + "/healthz", { headers: { "X-Forwarded-Proto": "https" } });
    expect(res.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
  });
});

describe("body limits before reading", () => {
  it("refuses a form body over 64 KB by its declared length", async () => {
    const res = await fetch(base + "/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=" + "x".repeat(70 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it("allows the typing submission its larger limit, and no more", async () => {
    const post = (size: number) => fetch(base + "/exams/typing", { method: "POST", body: "log=" + "x".repeat(size) });
    expect((await post(200 * 1024)).status).toBe(200);
    expect((await post(1100 * 1024)).status).toBe(413);
  });
});
