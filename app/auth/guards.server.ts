// Guards that throw: a loader or action calls one first and gets a user or never returns.
import { redirect } from "@remix-run/node";
import { clearSessionCookie, readSessionCookie } from "./cookie";
import { mayOpen, type GuardedHandle } from "./route-access";
import { validateSessionToken, type SessionUser, type ValidSession } from "./session.server";

// Kept here too so existing imports work; the rule lives in the pure module.
export { safeRedirectPath } from "~/lib/safe-redirect";

function loginRedirect(request: Request, reason?: "expired"): never {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (reason) params.set("reason", reason);
  const headers = new Headers();
  if (reason) headers.append("Set-Cookie", clearSessionCookie(request));
  throw redirect(`/login?${params}`, { headers });
}

// Loaders of nested routes run in parallel on one request: validate once per Request.
const cache = new WeakMap<Request, ReturnType<typeof validateSessionToken>>();

function check(request: Request) {
  let pending = cache.get(request);
  if (!pending) {
    pending = validateSessionToken(readSessionCookie(request));
    cache.set(request, pending);
  }
  return pending;
}

export async function getSession(request: Request): Promise<ValidSession | null> {
  const result = await check(request);
  return result.status === "valid" ? { sessionId: result.sessionId, user: result.user } : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

export async function requireSession(request: Request): Promise<ValidSession> {
  const result = await check(request);
  if (result.status === "valid") return { sessionId: result.sessionId, user: result.user };
  loginRedirect(request, result.status === "invalid" ? "expired" : undefined);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/**
 * The session of a signed-in user the route's declared access admits (see route-access.ts):
 * anonymous visitors are sent to sign in, other users get 403.
 */
export async function requireRouteSession(request: Request, handle: GuardedHandle): Promise<ValidSession> {
  const session = await requireSession(request);
  if (!mayOpen(session.user, handle.route)) forbidden();
  return session;
}

/** The signed-in user the route's declared access admits; see requireRouteSession. */
export async function requireRouteAccess(request: Request, handle: GuardedHandle): Promise<SessionUser> {
  return (await requireRouteSession(request, handle)).user;
}
