// A "known device" cookie, set at every successful sign-in: the browser has signed in to this
// account before. The correct password from such a browser passes a login lock, so a stranger's
// failures cannot lock a person out of their own account or shared office address.
//
// The signature key is derived from the account's password hash: no server secret to manage,
// an attacker without the database cannot forge one, and a password change revokes every device.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isSecureRequest, readCookie } from "./cookie";

export const DEVICE_COOKIE = "weike_device";
export const HOST_DEVICE_COOKIE = "__Host-weike_device";
export const DEVICE_MAX_AGE_S = 180 * 24 * 3600;

function sign(userId: number, issued: number, passwordHash: string): string {
  return createHmac("sha256", `known-device:${passwordHash}`).update(`${userId}.${issued}`).digest("base64url");
}

export function deviceToken(userId: number, passwordHash: string, now = Date.now()): string {
  const issued = Math.floor(now / 1000);
  return `${userId}.${issued}.${sign(userId, issued, passwordHash)}`;
}

export function isKnownDevice(
  token: string | null | undefined,
  userId: number,
  passwordHash: string | null,
  now = Date.now(),
): boolean {
  if (!token || !passwordHash || token.length > 200) return false;
  const [id, issuedText, signature] = token.split(".");
  const issued = Number(issuedText);
  if (Number(id) !== userId || !Number.isInteger(issued) || !signature) return false;
  if (issued * 1000 > now + 60_000 || now - issued * 1000 > DEVICE_MAX_AGE_S * 1000) return false;
  const expected = Buffer.from(sign(userId, issued, passwordHash));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function readDeviceToken(request: Request): string | null {
  return readCookie(request, isSecureRequest(request) ? HOST_DEVICE_COOKIE : DEVICE_COOKIE);
}

export function deviceCookie(request: Request, token: string): string {
  const secure = isSecureRequest(request);
  const name = secure ? HOST_DEVICE_COOKIE : DEVICE_COOKIE;
  return `${name}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${DEVICE_MAX_AGE_S}${secure ? "; Secure" : ""}`;
}
