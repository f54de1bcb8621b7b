// Reads an uploaded CSV file. The shared form reader takes url-encoded forms only, so the one
// page that uploads reads its multipart body here: the body is counted while it streams and
// refused past the limit, then parsed, and the file must be UTF-8 (with or without a BOM) — a
// file saved in another encoding is refused by name instead of being imported as mojibake.
import { IMPORT_BODY_LIMIT } from "~/lib/body-limits";
import { invalid } from "~/lib/errors";
import { formAction } from "~/lib/errors.server";
import { readForm } from "~/lib/read-form.server";
import { parseForm } from "~/lib/validation";
import { IMPORT_MAX_BYTES } from "./import";
import { importConfirmSchema } from "./schemas";

// The multipart envelope (boundaries, part headers, the other fields) around the file.
const ENVELOPE = 16 * 1024;

export async function readCsvUpload(
  request: Request,
  field = "file",
  // A page that takes other encodings too (the roster: GB18030) reads the bytes itself.
  decode?: (bytes: Uint8Array) => string,
  // A page with files of another size (the roster) passes its limit and its message.
  limit: { maxBytes: number; tooLarge: () => Error } = {
    maxBytes: IMPORT_MAX_BYTES,
    tooLarge: () => invalid("admin:import.err.tooLarge", { field, params: { max: IMPORT_MAX_BYTES / 1024 } }),
  },
): Promise<string> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw invalid("admin:import.err.noFile", { field });
  const max = limit.maxBytes + ENVELOPE;
  const tooLarge = limit.tooLarge;
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
  if (file.size > limit.maxBytes) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (decode) return decode(bytes);
  try {
    // fatal: a byte that is not UTF-8 throws; the BOM, if any, is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("admin:import.err.encoding", { field });
  }
}

/**
 * A change driven by an uploaded file, in two steps: the upload answers a preview (400 while it
 * has errors, storing nothing); the confirmation sends the clean text back and `apply` stores it.
 */
export async function previewThenApply(
  request: Request,
  steps: {
    preview: (text: string) => Promise<{ counts: { errors: number } }>;
    apply: (csv: string) => Promise<Response>;
  },
) {
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    return formAction(async () => {
      const text = await readCsvUpload(request);
      const plan = await steps.preview(text);
      const clean = plan.counts.errors === 0;
      return Response.json({ plan, csv: clean ? text : null }, { status: clean ? 200 : 400 });
    });
  }
  const form = await readForm(request, { maxBytes: IMPORT_BODY_LIMIT, maxFieldLength: IMPORT_BODY_LIMIT });
  const parsed = parseForm(importConfirmSchema, form);
  if (!parsed.success) return Response.json({ errors: { file: "admin:import.err.noFile" } }, { status: 400 });
  return formAction(() => steps.apply(parsed.data.csv));
}
