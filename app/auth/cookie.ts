// The session cookie: HttpOnly, SameSite=Lax, Path=/; over HTTPS also Secure with the __Host-
// prefix, which the browser only accepts from a secure origin without a Domain attribute.
export const PLAIN_COOKIE = "weike_session";
export const HOST_COOKIE = "__Host-weike_session";

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
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
