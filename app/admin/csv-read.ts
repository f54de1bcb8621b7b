// A small strict CSV reader for files an HR system exports (RFC 4180: comma-separated, fields
// optionally in double quotes, "" for a quote inside one, CRLF or LF line ends). No CSV parsing
// package is installed, and a lenient reader would guess at a broken file; this one refuses it
// and names the line, so the admin fixes the file instead of importing a guess. Decision 031.

export interface CsvRecord {
  /** The file line the record starts on (1 = the header). */
  line: number;
  cells: string[];
}

export type CsvReadResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; key: "admin:import.err.quote" | "admin:import.err.unclosed" };

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Reads the whole text; a leading byte-order mark is dropped, blank lines are skipped. */
export function readCsv(input: string): CsvReadResult {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = "";
    for (;;) {
      if (text[i] === '"') {
        // A quoted field: runs to the next lone quote, across line ends.
        i++;
        for (;;) {
          if (i >= text.length) return { ok: false, line: start, key: "admin:import.err.unclosed" };
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === "\n") line++;
          cell += ch;
          i++;
        }
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          return { ok: false, line, key: "admin:import.err.quote" };
        }
      } else {
        // One slice per cell: adding characters one by one made a 180,000-line file take seconds.
        const from = i;
        for (;;) {
          const ch = text.charCodeAt(i);
          if (i >= text.length || ch === COMMA || ch === LF || ch === CR) break;
          if (ch === QUOTE) return { ok: false, line, key: "admin:import.err.quote" };
          i++;
        }
        cell = text.slice(from, i);
      }
      cells.push(cell);
      cell = "";
      if (text[i] === ",") {
        i++;
        continue;
      }
      // End of the record: CRLF, LF, a lone CR, or the end of the text.
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      line++;
      break;
    }
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: start, cells });
  }
  return { ok: true, records };
}
