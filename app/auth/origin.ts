// Cross-site request forgery defence: a state-changing request must come from our own origin.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * True when a non-GET request carries an Origin header naming this server (as the browser saw
 * it: the Host header and the request's scheme) or one of the extra allowed origins.
 */
export function hasTrustedOrigin(
  method: string,
  origin: string | null | undefined,
  host: string | null | undefined,
  protocol: string,
  allowed: readonly string[] = [],
): boolean {
  if (isSafeMethod(method)) return true;
  if (!origin || origin === "null" || !host) return false;
  if (allowed.includes(origin)) return true;
  return origin === `${protocol}://${host}`;
}
