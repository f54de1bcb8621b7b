// The verification id printed on a certificate. It is derived from the record it certifies (whose,
// what, when), so the same certificate always shows the same id and HR can check a printed one by
// opening the person's certificate again. It is an identifier, not a signature. Decision 031.
import { createHash } from "node:crypto";

export function verificationId(kind: "C" | "R", parts: readonly (string | number)[]): string {
  const digest = createHash("sha256")
    .update([kind, ...parts].join("|"))
    .digest("hex")
    .slice(0, 10)
    .toUpperCase();
  return `WK-${kind}-${digest.slice(0, 5)}-${digest.slice(5)}`;
}
