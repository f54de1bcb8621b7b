// Turns a refused exam request into the page's error answer with the right status.
import { data } from "@remix-run/react";
import { ExamError } from "./attempts.server";

export function examErrorData(e: unknown) {
  if (e instanceof ExamError)
    return data({ error: e.key, params: e.params } as { error: string; params: Record<string, string | number> }, {
      status: e.status,
      headers: e.status === 429 ? { "Retry-After": retryAfter(e.params.at) } : undefined,
    });
  throw e;
}

/** Seconds until the ISO time a cooldown ends (a minute when it is not known). */
function retryAfter(at: unknown): string {
  const ms = typeof at === "string" ? Date.parse(at) - Date.now() : NaN;
  return String(Number.isFinite(ms) ? Math.max(1, Math.ceil(ms / 1000)) : 60);
}
