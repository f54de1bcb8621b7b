// Reads an uploaded CSV file. The shared form reader takes url-encoded forms only, so the one
// page that uploads reads its multipart body here: the body is counted while it streams and
// refused past the limit, then parsed, and the file must be UTF-8 (with or without a BOM) — a
// file saved in another encoding is refused by name instead of being imported as mojibake.
import { invalid } from "~/lib/errors";
import { IMPORT_MAX_BYTES } from "./import";

// The multipart envelope (boundaries, part headers, the other fields) around the file.
const ENVELOPE = 16 * 1024;

export async function readCsvUpload(request: Request, field = "file"): Promise<string> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw invalid("admin:import.err.noFile", { field });
  const max = IMPORT_MAX_BYTES + ENVELOPE;
  const tooLarge = () => invalid("admin:import.err.tooLarge", { field, params: { max: IMPORT_MAX_BYTES / 1024 } });
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const form = await new Request(request.url, {
    method: "POST",
    headers: { "Content-Type": type },
    body: Buffer.concat(chunks),
  })
    .formData()
    .catch(() => null);
  const file = form?.get(field);
  if (!file || typeof file === "string" || file.size === 0) throw invalid("admin:import.err.noFile", { field });
  if (file.size > IMPORT_MAX_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    // fatal: a byte that is not UTF-8 throws; the BOM, if any, is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("admin:import.err.encoding", { field });
  }
}
