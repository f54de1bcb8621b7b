// CSV as Excel reads it: UTF-8 with a byte-order mark (or Chinese turns into mojibake), CRLF,
// every field quoted when it needs to be, and formula-looking text defused.
const BOM = "\uFEFF";

export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
