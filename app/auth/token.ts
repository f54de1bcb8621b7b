// Session tokens as in the Lucia recipe: "id.secret". The id finds the row; only a SHA-256 of the
// secret is stored, so a leaked database cannot be replayed as cookies.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const ID_BYTES = 15; // 120 bits
const SECRET_BYTES = 24; // 192 bits

export interface SessionToken {
  id: string;
  secret: string;
  token: string;
}

export function generateSessionToken(): SessionToken {
  const id = randomBytes(ID_BYTES).toString("base64url");
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return { id, secret, token: `${id}.${secret}` };
}

export function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret).digest();
}

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id = "", secret = ""] = parts;
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id) || !/^[A-Za-z0-9_-]{20,128}$/.test(secret)) return null;
  return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const actual = hashSecret(secret);
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
