// The lesson page's progress reports: a heartbeat while the reader is active, and the sections
// whose end scrolled into view. Both post to the lesson route's own action.
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { HEARTBEAT_INTERVAL_S } from "~/catalogue/progress-rules";

/** Reports reading time while the reader is active; answers the seconds the server has counted. */
export function useHeartbeat() {
  const fetcher = useFetcher<{ secondsSpent?: number }>();
  const lastActivity = useRef(Date.now());
  const submit = fetcher.submit;
  useEffect(() => {
    const active = () => (lastActivity.current = Date.now());
    const events = ["scroll", "keydown", "pointermove", "pointerdown", "touchstart"] as const;
    events.forEach((e) => window.addEventListener(e, active, { passive: true }));
    const beat = () => {
      // A hidden tab or a reader gone for five minutes is not reading.
      if (document.visibilityState !== "visible" || Date.now() - lastActivity.current > 5 * 60_000) return;
      submit({ intent: "heartbeat" }, { method: "post" });
    };
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_INTERVAL_S * 1000);
    return () => {
      window.clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, active));
    };
  }, [submit]);
  return fetcher.data?.secondsSpent;
}

// Sections whose end scrolled into view are reported in batches. Until the server confirms an
// id it is sent again with the next batch, so an aborted or overlapping request loses nothing.
export function useSectionsSeen(initial: string[]) {
  const fetcher = useFetcher<{
    reached?: string[];
    completedAt?: string | null;
    nextAt?: string | null;
    error?: string;
  }>();
  const [reached, setReached] = useState<string[]>(initial);
  const seen = useRef(new Set(initial));
  const confirmed = useRef(new Set(initial));
  const state = useRef(fetcher.state);
  state.current = fetcher.state;
  const submit = fetcher.submit;
  const flush = useCallback(() => {
    if (state.current !== "idle") return; // sent again once the current request settles
    const ids = [...seen.current].filter((id) => !confirmed.current.has(id));
    // Repeated fields need a real form body: an object would join the array into one string.
    if (ids.length)
      submit(new URLSearchParams([["intent", "seen"], ...ids.map((id) => ["section", id])]), { method: "post" });
  }, [submit]);
  useEffect(() => {
    if (fetcher.state !== "idle") return;
    const data = fetcher.data;
    if (data?.reached) data.reached.forEach((id) => confirmed.current.add(id));
    else if (data?.error) seen.current.forEach((id) => confirmed.current.add(id)); // not retried
    if (data?.reached) setReached((r) => [...new Set([...r, ...data.reached!])]);
    // The server credits a section only after its reading time: report the rest again then.
    if (!data?.nextAt) return flush();
    const timer = window.setTimeout(flush, Math.max(500, Date.parse(data.nextAt) - Date.now() + 250));
    return () => window.clearTimeout(timer);
  }, [fetcher.state, fetcher.data, flush]);
  useEffect(() => {
    let timer: number | undefined;
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const id = (e.target as HTMLElement).dataset.sectionEnd;
        // Counted as read once the server confirms it (after the section's reading time).
        if (e.isIntersecting && id && !seen.current.has(id)) seen.current.add(id);
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, 400);
    });
    document.querySelectorAll<HTMLElement>("[data-section-end]").forEach((el) => observer.observe(el));
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [flush]);
  return { reached, completedAt: fetcher.data?.completedAt };
}
