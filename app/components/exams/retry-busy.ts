// A start the server turned away because it was busy (503, "exams:err.busy") is sent again by
// the page itself after the server's Retry-After, so nobody has to click again in a rush.
import { useEffect } from "react";

export function useRetryWhenBusy(
  answer: { error?: string | null; params?: Record<string, string | number> } | undefined,
  retry: () => void,
) {
  const seconds = answer?.error === "exams:err.busy" ? Number(answer.params?.retryAfter ?? 3) : null;
  useEffect(() => {
    if (seconds === null) return;
    const timer = setTimeout(retry, Math.max(1, seconds) * 1000);
    return () => clearTimeout(timer);
    // Once per refusal: a new answer object is a new refusal (retry itself changes every render).
  }, [answer]);
}
