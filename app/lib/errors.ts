// The one way a feature refuses: throw a DomainError. It names what went wrong (a code the HTTP
// status follows from), the i18n key the user reads, its interpolation values and, for forms, the
// field each message belongs to. Thrown inside a transaction it also rolls everything back, so a
// refused action leaves nothing half-written. Routes turn it into an answer (errors.server.ts).

export type ErrorCode = "invalid" | "forbidden" | "not_found" | "gone" | "conflict" | "rate_limited" | "unavailable";

export const STATUS_OF = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export type ErrorStatus = (typeof STATUS_OF)[ErrorCode];
export type ErrorParams = Record<string, string | number>;
/** Field name → i18n key; "_form" is the message for the form as a whole. */
export type FieldErrors = Record<string, string>;

/** The messages shown when a refusal names no key of its own. */
const DEFAULT_KEY: Record<ErrorCode, string> = {
  invalid: "common:error.400",
  forbidden: "common:error.403",
  not_found: "common:error.404",
  conflict: "common:error.409",
  gone: "common:error.404",
  rate_limited: "common:error.429",
  unavailable: "common:error.503",
};

export const FORM_FIELD = "_form";

export class DomainError extends Error {
  readonly status: ErrorStatus;
  readonly messageKey: string;
  readonly params: ErrorParams;
  readonly fieldErrors: FieldErrors;

  constructor(
    readonly code: ErrorCode,
    messageKey?: string,
    options: { params?: ErrorParams; fieldErrors?: FieldErrors; field?: string } = {},
  ) {
    const key = messageKey ?? DEFAULT_KEY[code];
    super(key);
    this.name = "DomainError";
    this.status = STATUS_OF[code];
    this.messageKey = key;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors ?? { [options.field ?? FORM_FIELD]: key };
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

// Constructors: `throw notFound()`, `throw invalid({ email: "admin:err.emailTaken" })`.
type Extra = { params?: ErrorParams; field?: string };

export const notFound = (key?: string, extra: Extra = {}) => new DomainError("not_found", key, extra);
export const forbidden = (key?: string, extra: Extra = {}) => new DomainError("forbidden", key, extra);
export const gone = (key?: string, extra: Extra = {}) => new DomainError("gone", key, extra);
export const conflict = (key: string, extra: Extra = {}) => new DomainError("conflict", key, extra);
export const rateLimited = (key: string, extra: Extra = {}) => new DomainError("rate_limited", key, extra);
/** A 503: the server is too busy now; `params.retryAfter` (seconds) becomes the Retry-After header. */
export const unavailable = (key: string, extra: Extra = {}) => new DomainError("unavailable", key, extra);

/**
 * A 400. Given a key, that is the message (on `extra.field`, else the whole form); given field
 * errors, the first of them is the message and each field shows its own.
 */
export function invalid(keyOrFields?: string | FieldErrors, extra: Extra = {}): DomainError {
  if (typeof keyOrFields !== "object") return new DomainError("invalid", keyOrFields, extra);
  const first = Object.values(keyOrFields)[0];
  return new DomainError("invalid", first, { params: extra.params, fieldErrors: keyOrFields });
}

/** Throws the given refusal unless the condition holds: `invariant(course, notFound())`. */
export function invariant(condition: unknown, error: DomainError | (() => DomainError)): asserts condition {
  if (!condition) throw typeof error === "function" ? error() : error;
}

/** For `promise.catch(refusal)`: a refusal becomes a value to show, anything else is rethrown. */
export function refusal(e: unknown): DomainError {
  if (isDomainError(e)) return e;
  throw e;
}
