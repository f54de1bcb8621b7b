// ETag and 304 for answers that are the same for everyone (decision record 046). Only requests
// without a session cookie qualify — a signed-in answer is per person and `private, no-store`
// (decision 016) — and only answers a cache may keep: 200, no `no-store`, no cookie being set,
// and no per-request CSP nonce (every document carries one, so a document is never the same
// twice). The tag is weak: it names the content before compression, whatever the encoding.
import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { hasSessionCookie } from "../app/lib/security-headers";

/** Larger answers stream on untagged rather than wait in memory. */
const MAX_TAGGED_BYTES = 512 * 1024;

function cacheable(res: Response): boolean {
  if (res.statusCode !== 200 || res.getHeader("set-cookie") !== undefined) return false;
  if (/no-store/i.test(String(res.getHeader("cache-control") ?? ""))) return false;
  return !/'nonce-/.test(String(res.getHeader("content-security-policy") ?? ""));
}

/** True when the request's If-None-Match lists the tag (or is "*"); weak comparison. */
export function matchesTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(tag));
}

export function sharedETags() {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || hasSessionCookie(req.get("cookie"))) return next();
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let chunks: Buffer[] | null = null;
    let size = 0;
    let decided = false;
    const restore = () => {
      res.write = write as Response["write"];
      res.end = end as Response["end"];
    };
    const passThrough = () => {
      restore();
      const held = chunks ?? [];
      chunks = null;
      for (const c of held) write(c);
    };
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    const decide = () => {
      if (decided) return;
      decided = true;
      chunks = cacheable(res) ? [] : null;
      if (!chunks) restore();
    };

    res.write = function (chunk: unknown, ...rest: unknown[]) {
      decide();
      if (!chunks) return write(chunk, ...rest);
      const b = toBuffer(chunk, rest[0]);
      chunks.push(b);
      size += b.length;
      if (size > MAX_TAGGED_BYTES) passThrough();
      return true;
    } as Response["write"];

    res.end = function (...args: unknown[]) {
      decide();
      if (!chunks) return end(...args);
      const [chunk, encoding] = typeof args[0] === "function" ? [] : args;
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
      const body = Buffer.concat(chunks);
      restore();
      const tag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
      res.setHeader("ETag", tag);
      if (matchesTag(req.get("if-none-match"), tag)) {
        res.statusCode = 304;
        for (const h of ["content-type", "content-length", "transfer-encoding"]) res.removeHeader(h);
        return end();
      }
      if (!res.headersSent) res.setHeader("Content-Length", body.length);
      return end(body);
    } as Response["end"];
    next();
  };
}
