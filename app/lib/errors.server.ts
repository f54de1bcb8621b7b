// The one adapter from a DomainError to HTTP. Loaders throw it as the error page (the root
// boundary shows its status and message); actions return it as the form's error data with the
// same status, so a plain POST gets the page back with 400/403/404/409/429 and its messages.
import { data } from "@remix-run/node";
import { databaseFailure } from "./db/failure";
import { type DomainError, isDomainError, type ErrorParams, type FieldErrors } from "./errors";

/** Seconds until the ISO time a wait ends (a minute when it is not known), for Retry-After. */
export function retryAfterSeconds(at: unknown): string {
  const ms = typeof at === "string" ? Date.parse(at) - Date.now() : NaN;
  return String(Number.isFinite(ms) ? Math.max(1, Math.ceil(ms / 1000)) : 60);
}

/**
 * A route's `headers` export: the page answered after a refused action keeps the action's
 * Retry-After (a 429, or a 503 while the server sheds a start burst). Remix sends a page's own
 * headers only, so without this a plain form post would lose it.
 */
export function retryAfterHeaders({ actionHeaders }: { actionHeaders: Headers }): HeadersInit {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : {};
}

/** What the error boundary reads from a thrown domain error. */
export interface ErrorPageData {
  messageKey: string;
  params: ErrorParams;
}

/** What a form reads back from a refused action. `error` is the message for the whole form. */
export interface FormErrorData {
  errors: FieldErrors;
  error: string;
  params: ErrorParams;
  values: Record<string, unknown>;
}

/**
 * The answer a loader throws for a refusal: `throw errorPage(notFound())`. A real Response (JSON
 * body), so resource routes answer it as is and the boundary reads it as `error.data`.
 */
export function errorPage(e: DomainError): Response {
  const body: ErrorPageData = { messageKey: e.messageKey, params: e.params };
  return Response.json(body, { status: e.status });
}

/** For download links (CSV, ICS): the refusal as translated plain text with its status. */
export function errorText(e: DomainError, t: (key: string, params?: ErrorParams) => string): Response {
  return new Response(t(e.messageKey, e.params), {
    status: e.status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** The loader-side invariant: unless the condition holds, the error page for that refusal. */
export function ensure(condition: unknown, error: DomainError): asserts condition {
  if (!condition) throw errorPage(error);
}

/** Runs a loader's work; a refusal becomes the error page, anything else passes through. */
export async function orErrorPage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isDomainError(e)) throw errorPage(e);
    const failure = databaseFailure(e);
    if (failure) throw errorPage(failure);
    throw e;
  }
}

/**
 * The answer an action returns for a refusal, keeping what the user typed (`values`) and any other
 * state the page needs back (`extra`, e.g. the ticked checkboxes).
 */
export function formError<E extends object = Record<never, never>>(
  e: DomainError,
  values: Record<string, unknown> = {},
  extra?: E,
) {
  const body: FormErrorData = { errors: e.fieldErrors, error: e.messageKey, params: e.params, values };
  const headers =
    e.status === 429
      ? { "Retry-After": retryAfterSeconds(e.params.at) }
      : e.status === 503 && typeof e.params.retryAfter === "number"
        ? { "Retry-After": String(e.params.retryAfter) }
        : undefined;
  return data<Omit<E, keyof FormErrorData> & FormErrorData>(
    { ...(extra as E), ...body },
    { status: e.status, headers },
  );
}

/** Runs an action's work; a refusal becomes the form's error data, anything else passes through. */
export async function formAction<T, E extends object = Record<never, never>>(
  fn: () => Promise<T>,
  values: Record<string, unknown> = {},
  extra?: E,
) {
  try {
    return await fn();
  } catch (e) {
    if (isDomainError(e)) return formError(e, values, extra);
    // A lost connection (503) or a transaction PostgreSQL gave up (409): rolled back, say so.
    const failure = databaseFailure(e);
    if (failure) return formError(failure, values, extra);
    throw e;
  }
}
