// The pure rules of a proctored sitting: its access code (read aloud in a training room) and the
// network range it may be joined from. Decision record 025.
import { BlockList, isIPv4, isIPv6 } from "node:net";

/** 32 letters and digits without 0/O and 1/I, which are misheard and misread. 256 = 8 × 32: no bias. */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

/** A code from `CODE_LENGTH` random bytes (the server passes crypto bytes). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new RangeError("not enough random bytes");
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[(bytes[i] ?? 0) % CODE_ALPHABET.length];
  return code;
}

/** What a trainee typed, as a code: case, spaces and dashes do not matter. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** An IPv4 address written as IPv6 (`::ffff:10.0.0.1`, how a dual-stack server reports it) as IPv4. */
function plainAddress(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip.trim());
  return m?.[1] ?? ip.trim();
}

export interface Network {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/** A CIDR range (`10.20.0.0/16`) or a single address; null when it is neither. */
export function parseNetwork(text: string): Network | null {
  const [rawAddress = "", rawPrefix, ...rest] = text.trim().split("/");
  if (rest.length) return null;
  const address = plainAddress(rawAddress);
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : null;
  if (!family) return null;
  const max = family === "ipv4" ? 32 : 128;
  if (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix)) return null;
  const prefix = rawPrefix === undefined ? max : Number(rawPrefix);
  if (prefix > max) return null;
  return { address, prefix, family };
}

/** Whether `ip` lies in `network` (an empty network allows every address). */
export function inNetwork(ip: string, network: string): boolean {
  if (!network.trim()) return true;
  const range = parseNetwork(network);
  if (!range) return false;
  const address = plainAddress(ip);
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : null;
  if (family !== range.family) return false;
  const list = new BlockList();
  list.addSubnet(range.address, range.prefix, range.family);
  return list.check(address, family);
}

export type SittingState = "upcoming" | "open" | "closed";

/** Where a sitting stands at `now`: before its window, in it, or after (or closed early). */
export function sittingState(s: { opensAt: Date; closesAt: Date; closedAt: Date | null }, now: Date): SittingState {
  if (s.closedAt || now.getTime() >= s.closesAt.getTime()) return "closed";
  return now.getTime() < s.opensAt.getTime() ? "upcoming" : "open";
}
