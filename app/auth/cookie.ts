// The session cookie: HttpOnly, SameSite=Lax, Path=/; over HTTPS also Secure with the __Host-
// prefix, which the browser only accepts from a secure origin without a Domain attribute.
import { parseCookie } from "cookie";

export const PLAIN_COOKIE = "weike_session";
export const HOST_COOKIE = "__Host-weike_session";

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

/** The value of cookie `name` in the request's Cookie header; null when absent or badly encoded. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  return parseCookie(header, { decode: strictDecode })[name] ?? null;
}

// The library's default decoder passes a malformed %-sequence through unchanged; such a value
// was never written by this app, so it counts as absent.
function strictDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function readSessionCookie(request: Request): string | null {
  return readCookie(request, isSecureRequest(request) ? HOST_COOKIE : PLAIN_COOKIE);
}

export function sessionCookie(request: Request, token: string, maxAgeSeconds: number): string {
  const secure = isSecureRequest(request);
  const name = secure ? HOST_COOKIE : PLAIN_COOKIE;
  return `${name}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${secure ? "; Secure" : ""}`;
}

export function clearSessionCookie(request: Request): string {
  return sessionCookie(request, "", 0);
}
