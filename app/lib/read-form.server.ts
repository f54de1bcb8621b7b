// The one way an action reads its form: refuses unsupported content types (400) and bodies,
// field counts or field lengths over the limits (413) before anything is parsed, so a stranger's
// POST cannot make the server buffer or decode megabytes. Decision record 016.
import { FORM_MAX_FIELD_LENGTH, FORM_MAX_FIELDS, bodyLimitFor } from "./body-limits";
import { detectLocale } from "./i18n/locale";

export interface FormLimits {
  maxBytes?: number;
  maxFields?: number;
  maxFieldLength?: number;
}

const URLENCODED = "application/x-www-form-urlencoded";

function refuse(request: Request, status: 400 | 413, key: string): never {
  // The error page translates the key; plain clients read the status.
  throw new Response(key, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": detectLocale(request) },
  });
}

async function readBody(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) refuse(request, 413, "common:form.tooLarge");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      refuse(request, 413, "common:form.tooLarge");
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function readForm(request: Request, limits: FormLimits = {}): Promise<FormData> {
  const maxBytes = limits.maxBytes ?? bodyLimitFor(new URL(request.url).pathname);
  const maxFields = limits.maxFields ?? FORM_MAX_FIELDS;
  const maxFieldLength = limits.maxFieldLength ?? FORM_MAX_FIELD_LENGTH;
  // No page uploads files, so multipart bodies are refused along with JSON and the rest.
  const [mediaType = ""] = (request.headers.get("Content-Type") ?? "").split(";");
  const type = mediaType.trim().toLowerCase();
  if (type !== URLENCODED) refuse(request, 400, "common:form.unsupportedType");

  const body = await readBody(request, maxBytes);
  let fields = body.length === 0 ? 0 : 1;
  for (let i = body.indexOf("&"); i >= 0; i = body.indexOf("&", i + 1)) fields++;
  if (fields > maxFields) refuse(request, 413, "common:form.tooManyFields");

  const form = new FormData();
  for (const [name, value] of new URLSearchParams(body)) {
    if (value.length > maxFieldLength || name.length > 200) refuse(request, 413, "common:form.fieldTooLong");
    // PostgreSQL refuses NUL in text, and no field of any page carries one: refuse it here.
    if (value.includes("\u0000") || name.includes("\u0000")) refuse(request, 400, "common:form.nul");
    form.append(name, value);
  }
  return form;
}
