import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { STREAM_INTERVAL_MS } from "~/exams/scoring/stream-interval";
import { diffCommit } from "~/exams/typing-log";
import { Progress } from "./Progress";

type LogEvent = [number, "i", string] | [number, "d", number] | [number, "p" | "x", number];

export interface StartedTyping {
  token: string;
  target: string;
  durationMs: number;
  lang: "zh" | "en";
}

const chars = (s: string) => Array.from(s);

/**
 * Records what the trainee commits, not keystrokes: text arrives when an input method ends its
 * composition (compositionend), or as plain input outside a composition. Anything typed while
 * composing is ignored until it is committed. Paste and drop are blocked and recorded.
 */
export function TypingExam({ started, onFinish }: { started: StartedTyping; onFinish: (log: string) => void }) {
  const { t } = useTranslation("exams");
  const area = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const shadow = useRef("");
  const composing = useRef(false);
  const events = useRef<LogEvent[]>([]);
  const t0 = useRef(performance.now());
  const finished = useRef(false);
  // The live stream: events up to `sent` reached the server; `pending` is out (or to be retried).
  const stream = useRef({ sent: 0, seq: 0, lastCut: 0, lastTry: 0, busy: false, stopped: false });
  const pending = useRef<{ seq: number; at: number; events: LogEvent[] } | null>(null);
  const [typed, setTyped] = useState("");
  const [left, setLeft] = useState(started.durationMs);

  const now = () => Math.round(performance.now() - t0.current);

  function sync() {
    const value = area.current?.value ?? "";
    events.current.push(...diffCommit(shadow.current, value, now()));
    shadow.current = value;
    setTyped(value);
  }

  /** Sends the next batch every few seconds, one at a time; a failed one is retried unchanged. */
  function pump() {
    const s = stream.current;
    const at = now();
    if (s.busy || s.stopped) return;
    if (!pending.current) {
      if (at - s.lastCut < STREAM_INTERVAL_MS) return;
      pending.current = { seq: s.seq, at, events: events.current.slice(s.sent) };
      s.lastCut = at;
    } else if (at - s.lastTry < 1000) return;
    const batch = pending.current;
    s.busy = true;
    s.lastTry = at;
    const body = new URLSearchParams({
      token: started.token,
      seq: String(batch.seq),
      at: String(batch.at),
      events: JSON.stringify(batch.events),
    });
    fetch("/exams/typing/stream", { method: "POST", body })
      .then((res) => {
        if (res.ok) {
          s.sent += batch.events.length;
          s.seq++;
          pending.current = null;
        } else if (res.status < 500 && res.status !== 429) s.stopped = true; // refused for good
      })
      .catch(() => undefined)
      .finally(() => (s.busy = false));
  }

  useEffect(() => {
    t0.current = performance.now();
    // Clock, passage start and input together on screen (a phone would otherwise scroll to the
    // input alone and hide the passage's first line).
    box.current?.scrollIntoView({ block: "start" });
    area.current?.focus({ preventScroll: true });
    const timer = window.setInterval(() => {
      const elapsed = performance.now() - t0.current;
      setLeft(Math.max(0, started.durationMs - elapsed));
      if (elapsed < started.durationMs) pump();
      if (elapsed >= started.durationMs && !finished.current) {
        finished.current = true;
        window.clearInterval(timer);
        if (composing.current) composing.current = false;
        onFinish(JSON.stringify({ v: 1, durationMs: now(), events: events.current }));
      }
    }, 100);
    return () => window.clearInterval(timer);
    // The exam runs once per start; the callback identity does not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [started.token]);

  const target = chars(started.target);
  const mine = chars(typed);
  const seconds = Math.ceil(left / 1000);
  return (
    <div className="stack" ref={box}>
      <div className="row exams-timer" aria-live="off">
        <strong data-testid="time-left">
          {t("typing.left", { m: Math.floor(seconds / 60), s: String(seconds % 60).padStart(2, "0") })}
        </strong>
        <span className="muted">{t("typing.count", { count: mine.length })}</span>
      </div>
      <Progress max={started.durationMs} value={started.durationMs - left} label={t("typing.progress")} />
      <p className="exams-passage" lang={started.lang === "zh" ? "zh-CN" : "en"} aria-label={t("typing.passage")}>
        {target.map((ch, i) => (
          <span
            key={i}
            className={i < mine.length ? (mine[i] === ch ? "ok" : "bad") : i === mine.length ? "cursor" : undefined}
          >
            {ch}
          </span>
        ))}
      </p>
      <label htmlFor="typing-input">{t("typing.input")}</label>
      <textarea
        id="typing-input"
        ref={area}
        className="exams-typing-input"
        rows={5}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        disabled={left <= 0}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => {
          composing.current = false;
          sync();
        }}
        onInput={(e) => {
          const native = e.nativeEvent as InputEvent;
          if (native.isComposing || composing.current) return;
          sync();
        }}
        onPaste={(e) => {
          e.preventDefault();
          events.current.push([now(), "p", e.clipboardData.getData("text").length]);
        }}
        onDrop={(e) => {
          e.preventDefault();
          events.current.push([now(), "x", e.dataTransfer.getData("text").length]);
        }}
      />
      <p className="muted small">{t("typing.keepGoing")}</p>
    </div>
  );
}
