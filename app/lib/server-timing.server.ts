// Where a request's time goes, as a Server-Timing header (WEIKE_SERVER_TIMING=1; bench/README.md,
// "Profiling"). The production server stamps each request's arrival in the load context; the
// entry adds the time until the loaders were done ("loader") and, for pages, the time React took
// to render the shell ("render"). What follows the header (streaming the body, encoding the
// loader data into it) is the client's total less these two.
import { serverTimingOn } from "./env.server";

// A type, not an interface: Remix's load context takes any string-keyed object.
export type TimingContext = {
  /** performance.now() when the server received the request. */
  receivedAt?: number;
  /** Date.now() when the request reached the server's first middleware, before any queue in the app. */
  arrivedAt?: number;
};

/** The load context the production server gives each request. */
export function timingContext(_req?: unknown, res?: { locals?: Record<string, unknown> }): TimingContext {
  const arrivedAt = res?.locals?.arrivedAt;
  return { receivedAt: performance.now(), ...(typeof arrivedAt === "number" ? { arrivedAt } : {}) };
}

/**
 * When the request reached the server: the production server stamps it first thing, so time a
 * busy server spends on other requests before this one is not counted against it (a typing
 * batch, a submitted log). Without that stamp (tests, the development server), now.
 */
export function arrivalOf(context: unknown): Date {
  const at = (context as TimingContext | undefined)?.arrivedAt;
  return new Date(typeof at === "number" && at <= Date.now() ? at : Date.now());
}

const ms = (n: number) => n.toFixed(1);

/** Adds loader (and render) time to the headers; nothing unless switched on. */
export function addServerTiming(
  headers: Headers,
  context: unknown,
  render?: { startedAt: number; endedAt: number },
): void {
  const receivedAt = (context as TimingContext | undefined)?.receivedAt;
  if (receivedAt === undefined || !serverTimingOn()) return;
  const loaderEnd = render?.startedAt ?? performance.now();
  const parts = [`loader;dur=${ms(loaderEnd - receivedAt)}`];
  if (render) parts.push(`render;dur=${ms(render.endedAt - render.startedAt)}`);
  headers.append("Server-Timing", parts.join(", "));
}
