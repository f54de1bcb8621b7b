// The one CSV writer. Spreadsheets on both locales must open the files as written: UTF-8 with a
// byte-order mark (without it Chinese Excel shows mojibake), CRLF line ends, RFC 4180 quoting,
// and text that a spreadsheet would run as a formula defused with a leading apostrophe.
export const BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null | undefined;

// = + - @ start a formula; a leading tab or CR can hide one (OWASP "CSV injection").
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated. */
export function csvRow(values: CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** A whole file: BOM, header, rows. */
export function toCsv(header: CsvValue[], rows: CsvValue[][]): string {
  return BOM + csvRow(header) + rows.map(csvRow).join("");
}

/** A number for a CSV column: rounded, or empty when there is none. */
export function csvNumber(value: number | null, digits = 1): string {
  return value === null ? "" : value.toFixed(digits);
}

/**
 * Headers of a CSV download. The filename goes twice: an ASCII fallback for old clients and the
 * exact name as RFC 5987 `filename*` (Chinese names survive).
 */
export function csvHeaders(filename: string): Record<string, string> {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  };
}

/** A CSV download: a whole text or a stream of encoded chunks. */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, { headers: csvHeaders(filename) });
}
