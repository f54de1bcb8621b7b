// Build step: a Brotli (.br) and a gzip (.gz) copy beside every text file of the client build,
// made once at the highest levels, so the server sends static files compressed without spending
// CPU per request (decision record 046).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Files worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(?:m?js|css|svg|json|txt|html|xml|webmanifest)$/i;
/** Below this a compressed copy saves less than a packet. */
export const MIN_BYTES = 1024;

export const VARIANTS = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

export interface PrecompressReport {
  files: number;
  rawBytes: number;
  brBytes: number;
  gzBytes: number;
}

/** Writes `<file>.br` and `<file>.gz` for every compressible file under `dir`; returns the totals. */
export function precompressDir(dir: string): PrecompressReport {
  const report: PrecompressReport = { files: 0, rawBytes: 0, brBytes: 0, gzBytes: 0 };
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    writeFileSync(file + ".br", br);
    writeFileSync(file + ".gz", gz);
    report.files += 1;
    report.rawBytes += raw.length;
    report.brBytes += br.length;
    report.gzBytes += gz.length;
  }
  return report;
}

/** The relative paths ("assets/x.js.br") of the compressed copies under `dir`, read once at start. */
export function listVariants(dir: string): Set<string> {
  const found = new Set<string>();
  try {
    for (const file of walk(dir)) {
      if (VARIANTS.some((v) => file.endsWith(v.suffix))) found.add(path.relative(dir, file).split(path.sep).join("/"));
    }
  } catch {
    /* no client build (tests): nothing precompressed */
  }
  return found;
}
