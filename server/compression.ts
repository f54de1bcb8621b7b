// Compression on the wire (decision record 046). Static files are sent from the .br/.gz copies
// the build made; everything else (pages, single-fetch data, CSV) is compressed as it streams.
import path from "node:path";
import compression from "compression";
import type { NextFunction, Request, Response } from "express";
import Negotiator from "negotiator";
import { COMPRESSIBLE, listVariants, VARIANTS } from "./precompress";

/**
 * Dynamic responses, Brotli preferred, gzip otherwise. Remix writes its streamed HTML and data
 * chunk by chunk and flushes after each one, so streaming still reaches the browser as it comes.
 */
export function compressResponses() {
  return compression({ threshold: 1024 });
}

/**
 * Before express.static: when the client accepts an encoding that `root` holds a copy in, the
 * request is pointed at that copy; `encodedFileHeaders` then labels it. Files without copies
 * pass through untouched (and are compressed dynamically if worth it).
 */
export function precompressedFiles(root: string) {
  const variants = listVariants(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if (variants.size === 0 || (req.method !== "GET" && req.method !== "HEAD")) return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path).slice(1);
    } catch {
      return next();
    }
    if (!COMPRESSIBLE.test(file)) return next();
    const offered = VARIANTS.filter((v) => variants.has(file + v.suffix));
    if (offered.length === 0) return next();
    // The answer depends on Accept-Encoding even when it is the plain file.
    res.vary("Accept-Encoding");
    // Negotiator 1 takes a preference order for equal q-values (its types lag behind).
    const negotiator = new Negotiator(req) as unknown as {
      encoding(available: string[], opts: { preferred: string[] }): string | undefined;
    };
    const chosen = negotiator.encoding([...offered.map((v) => v.encoding), "identity"], {
      preferred: offered.map((v) => v.encoding),
    });
    const variant = offered.find((v) => v.encoding === chosen);
    if (!variant) return next();
    res.locals.encodedFile = { encoding: variant.encoding, ext: path.extname(file) };
    const query = req.url.indexOf("?");
    req.url = query < 0 ? req.url + variant.suffix : req.url.slice(0, query) + variant.suffix + req.url.slice(query);
    next();
  };
}

/** express.static's setHeaders: the compressed copy goes out with its encoding and the original type. */
export function encodedFileHeaders(res: Response) {
  const encoded = res.locals.encodedFile as { encoding: string; ext: string } | undefined;
  if (!encoded) return;
  res.setHeader("Content-Encoding", encoded.encoding);
  res.type(encoded.ext);
}
