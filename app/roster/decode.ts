// The bytes of an uploaded roster as text. HR exports rosters from Excel: UTF-8 (with or without
// a BOM) or, from a Chinese Excel's "CSV" save, GB18030. UTF-8 is tried strictly first because a
// GB18030 reading of UTF-8 bytes would succeed as mojibake; GB18030 is the fallback. Bytes that
// are neither are refused by name rather than imported as garbage. Decision 039.
import { ROSTER_MAX_BYTES } from "~/lib/body-limits";
import { invalid } from "~/lib/errors";

export type Encoding = "utf-8" | "gb18030";

/** The text and the encoding it was read in, or null when the bytes are neither. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: Encoding } | null {
  for (const encoding of ["utf-8", "gb18030"] as const) {
    try {
      // fatal: an invalid sequence throws; a UTF-8 BOM is dropped by the decoder.
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/** For the upload reader: the text, or a 400 naming the file field. */
export function decodeRosterUpload(bytes: Uint8Array, field = "file"): string {
  const read = decodeCsvBytes(bytes);
  if (!read) throw invalid("roster:import.err.encoding", { field });
  return read.text;
}

/** The roster's upload limit, and the message for a file over it. Decision 045. */
export function rosterUploadLimit(field = "file") {
  return {
    maxBytes: ROSTER_MAX_BYTES,
    tooLarge: () => invalid("roster:import.err.tooLarge", { field, params: { mb: ROSTER_MAX_BYTES / 1024 / 1024 } }),
  };
}
