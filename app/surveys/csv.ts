// CSV as spreadsheets on both locales open it: UTF-8 with a byte-order mark, CRLF line ends,
// every field quoted when needed, and cells that a spreadsheet would run as a formula defused.
export const BOM = "\uFEFF";

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: (string | number | boolean | null | undefined)[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** A number for a CSV column: rounded, or empty when there is none. */
export function csvNumber(value: number | null, digits = 1): string {
  return value === null ? "" : value.toFixed(digits);
}

export function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  };
}
