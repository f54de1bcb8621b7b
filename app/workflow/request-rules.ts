// How a series may be delivered, from its merge rule: modules are always teachable one by one;
// "half-day" also allows one half-day session, "full-day" a half or a full day. A course alone is
// always a single session.
import type { DELIVERIES } from "./schemas";

export type Delivery = (typeof DELIVERIES)[number];

const BY_MERGE: Record<string, readonly Delivery[]> = {
  none: ["separate"],
  "half-day": ["separate", "half-day"],
  "full-day": ["separate", "half-day", "full-day"],
};

export function allowedDeliveries(merge: string): Delivery[] {
  return [...(BY_MERGE[merge] ?? BY_MERGE.none!)];
}

export function deliveryAllowed(merge: string, delivery: string): boolean {
  return (allowedDeliveries(merge) as string[]).includes(delivery);
}
