// The client's address behind a known number of trusted proxies. Each proxy appends the address
// it received the request from to X-Forwarded-For, so only the last N entries were written by
// proxies we trust; anything to the left of them came from the client and can be invented.

/** TRUST_PROXY: unset or 0 = no proxy; a whole number N = N trusted hops ("1" = one proxy). */
export function trustedHops(value: string | undefined): number {
  if (!value) return 0;
  if (value.trim().toLowerCase() === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 32 ? n : 0;
}

export function clientAddress(forwardedFor: string | null, peer: string, hops: number): string {
  if (hops <= 0 || !forwardedFor) return peer;
  const entries = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return peer;
  // With one hop the proxy's own entry (the last) is the client; each further hop moves one left.
  return entries[Math.max(0, entries.length - hops)] ?? peer;
}
