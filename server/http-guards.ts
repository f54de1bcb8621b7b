// Express middleware in front of the Remix handler (decision record 016): refuse oversized bodies
// by their declared length before a byte is read, and give every response — pages, data, CSV,
// ICS, /healthz, static files — the security headers the Remix layer cannot reach.
import type { NextFunction, Request, Response } from "express";
import { bodyLimitFor } from "../app/lib/body-limits";
import { applySecurityHeaders, hasSessionCookie } from "../app/lib/security-headers";

export function bodyLimit() {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.get("content-length") ?? 0);
    if (declared > bodyLimitFor(req.path)) {
      // Connection: close, so the unread body is not parsed as the next request.
      res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send("413 Payload Too Large");
      return;
    }
    // Chunked bodies have no declared length: the form reader counts their bytes as they stream.
    next();
  };
}

/** express.static's setHeaders: a public file is the same for everyone and may be cached. */
export function markPublicFile(res: Response) {
  res.locals.publicFile = true;
}

export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) => {
    const signedIn = hasSessionCookie(req.get("cookie"));
    const writeHead = res.writeHead;
    // Applied just before the head goes out, after the handler set its own headers, so a
    // route's value (a document's CSP, a file's Cache-Control) is kept and nothing is doubled.
    res.writeHead = function (this: Response, ...args: unknown[]) {
      const headers = new Headers();
      for (const name of [
        "x-content-type-options",
        "referrer-policy",
        "x-frame-options",
        "strict-transport-security",
      ]) {
        const value = this.getHeader(name);
        if (value !== undefined) headers.set(name, String(value));
      }
      applySecurityHeaders(headers, { signedIn: signedIn && !this.locals.publicFile, secure: req.secure });
      headers.forEach((value, name) => this.setHeader(name, value));
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
