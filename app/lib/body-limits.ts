// Request size limits, shared by the production server (refuses by Content-Length before any
// byte is read) and the form reader (counts bytes while streaming). Decision record 016.

/** Every ordinary form: the largest (a request description, drill notes) is a few KB of text. */
export const FORM_BODY_LIMIT = 64 * 1024;

/**
 * The typing-test submission carries the keystroke log (app/exams/typing-log.ts, JSON in one
 * form field). Sized from the longest exam a plan may configure (900 s, planExamSchema) at a
 * human maximum: 1,000 characters a minute is the "superhuman" line of the scorer, ≈ 17 a
 * second; with backspaces call it 20 events a second → 900 × 20 = 18,000 events (the log
 * schema allows 20,000). One event is at most ≈ 20 JSON characters (`[900000,"i","字"],`),
 * ≈ 45 bytes once URL-encoded (brackets, quotes, commas and a CJK character are percent-
 * escaped): 18,000 × 45 ≈ 810 KB. So 1 MiB of body and 512 Ki characters of decoded log.
 */
export const TYPING_BODY_LIMIT = 1024 * 1024;
export const TYPING_LOG_MAX_CHARS = 512 * 1024;

export const FORM_MAX_FIELDS = 1000;
/** The longest free-text field any schema accepts is 4,000 characters; leave room for CJK. */
export const FORM_MAX_FIELD_LENGTH = 16 * 1024;

/**
 * A user file uploaded for import is at most 512 KB (app/admin/import.ts); its confirmation
 * carries the same text URL-encoded in a field, where a CJK character takes 9 bytes for 3.
 */
export const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * A roster file is at most 8 MB: a 3-month roster of 2,000 agents (~182,000 lines) is ~4.5 MB,
 * so a centre twice that size still imports a quarter at once. Its confirmation carries the text
 * URL-encoded, which at worst triples it (a CJK character: 9 bytes for 3; a comma: 3 for 1).
 * Decision 045.
 */
export const ROSTER_MAX_BYTES = 8 * 1024 * 1024;
export const ROSTER_BODY_LIMIT = 3 * ROSTER_MAX_BYTES + FORM_BODY_LIMIT;

/** The paths whose POST may carry more than an ordinary form. */
const LARGE_BODY_PATHS: Record<string, number> = {
  "/exams/typing": TYPING_BODY_LIMIT,
  "/admin/import": IMPORT_BODY_LIMIT,
  "/admin/deactivate": IMPORT_BODY_LIMIT,
  "/roster": ROSTER_BODY_LIMIT,
};

export function bodyLimitFor(pathname: string): number {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return LARGE_BODY_PATHS[path] ?? FORM_BODY_LIMIT;
}
