// Security headers of every response (decision record 016). Documents get a Content-Security-
// Policy with a per-request nonce: only scripts Remix renders with that nonce run, so injected
// markup cannot run script. Styles allow 'unsafe-inline' because React's style attributes (charts,
// progress bars) are inline styles; they cannot run code.

export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The dev server's hot reload talks over a WebSocket.
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export interface HeaderContext {
  /** The request carries a session cookie: nothing in the answer may be cached or shared. */
  signedIn: boolean;
  /** Served over HTTPS (directly or through a trusted proxy). */
  secure: boolean;
  nonce?: string;
  dev?: boolean;
}

const HSTS = "max-age=31536000";

/** Sets what is missing; the signed-in cache rule always wins over a route's own Cache-Control. */
export function applySecurityHeaders(headers: Headers, ctx: HeaderContext): Headers {
  const setDefault = (name: string, value: string) => {
    if (!headers.has(name)) headers.set(name, value);
  };
  setDefault("X-Content-Type-Options", "nosniff");
  setDefault("Referrer-Policy", "same-origin");
  setDefault("X-Frame-Options", "DENY");
  if (ctx.nonce) headers.set("Content-Security-Policy", contentSecurityPolicy(ctx.nonce, ctx.dev));
  if (ctx.signedIn) headers.set("Cache-Control", "private, no-store");
  if (ctx.secure) setDefault("Strict-Transport-Security", HSTS);
  return headers;
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?weike_session=[^;\s]/;

/** Whether a Cookie header carries a (non-empty) session cookie. */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return !!cookieHeader && SESSION_COOKIE.test(cookieHeader);
}
