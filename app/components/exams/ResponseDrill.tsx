import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/ui/use-hydrated";
import { ErrorAlert } from "./NoScript";
import { expandTrailingShortcut, PhrasePanel, type PanelCategory } from "./PhrasePanel";
import { useRetryWhenBusy } from "./retry-busy";

type Msg = { id: string; from: "customer" | "me"; text: string };
type ActionData = {
  started?: {
    token: string;
    message: { id: string; text: string };
    timeLimitSeconds: number;
    script: { customer: string };
  };
  next?: { id: string; text: string };
  error?: string;
  params?: Record<string, string | number>;
};

/** The simulated chat: the server releases each customer message; the trainee replies to it. */
export function ResponseDrill({ faq }: { faq: PanelCategory[] }) {
  const { t } = useTranslation("exams");
  const fetcher = useFetcher<ActionData>();
  const hydrated = useHydrated();
  const [token, setToken] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [messages, setMessages] = useState<Msg[]>([]);
  // The server draws the script at the start, so the customer is known only then.
  const [customer, setCustomer] = useState("");
  const [text, setText] = useState("");
  const input = useRef<HTMLTextAreaElement>(null);
  const ack = useFetcher();
  const submitAck = ack.submit;
  // Tells the server the message is on screen: the reply time counts from here, not from release.
  useEffect(() => {
    if (token && current) submitAck({ intent: "ack", token, item: current }, { method: "post" });
  }, [token, current, submitAck]);
  const phrases = useMemo(
    () => new Map(faq.flatMap((c) => c.phrases.map((p) => [p.shortcut, p.text] as const))),
    [faq],
  );

  useEffect(() => {
    const d = fetcher.data;
    if (!d) return;
    if (d.started) {
      setToken(d.started.token);
      setCustomer(d.started.script.customer);
      setCurrent(d.started.message.id);
      setMessages([{ id: d.started.message.id, from: "customer", text: d.started.message.text }]);
    } else if (d.next) {
      setCurrent(d.next.id);
      setMessages((m) => [...m, { id: d.next!.id, from: "customer", text: d.next!.text }]);
    }
    input.current?.focus();
  }, [fetcher.data]);

  useRetryWhenBusy(fetcher.data, () => fetcher.submit({ intent: "start" }, { method: "post" }));
  const busy = fetcher.state === "submitting";
  function send() {
    if (!token || !current || !text.trim() || busy) return;
    setMessages((m) => [...m, { id: `${current}-me`, from: "me", text }]);
    fetcher.submit({ intent: "reply", token, item: current, text }, { method: "post" });
    setText("");
  }

  if (!token) {
    return (
      <div className="stack">
        <ErrorAlert error={fetcher.data?.error} params={fetcher.data?.params} />
        <fetcher.Form method="post">
          <button type="submit" name="intent" value="start" className="primary" disabled={busy || !hydrated}>
            {t("chat.start")}
          </button>
        </fetcher.Form>
      </div>
    );
  }
  return (
    <div className="exams-chat-layout">
      <section className="card stack" aria-labelledby="chat-h">
        <h2 id="chat-h" className="small">
          {t("chat.with", { name: customer })}
        </h2>
        <ol className="exams-chat" aria-live="polite" data-testid="chat-log">
          {messages.map((m) => (
            <li key={m.id} className={`exams-bubble exams-bubble--${m.from}`}>
              <span className="visually-hidden">{m.from === "customer" ? t("chat.customer") : t("chat.you")}: </span>
              {m.text}
            </li>
          ))}
        </ol>
        <ErrorAlert error={fetcher.data?.error} params={fetcher.data?.params} />
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <label htmlFor="reply">{t("chat.reply")}</label>
          <textarea
            id="reply"
            ref={input}
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing) return;
              if (e.key === "Tab" || e.key === " ") {
                const expanded = expandTrailingShortcut(text, phrases);
                if (expanded !== null) {
                  e.preventDefault();
                  setText(expanded);
                }
              } else if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                send();
              }
            }}
          />
          <p className="muted small">{t("chat.hint")}</p>
          <div className="row">
            <button type="submit" className="primary" disabled={busy || !text.trim()}>
              {t("chat.send")}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => fetcher.submit({ intent: "finish", token }, { method: "post" })}
            >
              {t("chat.finish")}
            </button>
          </div>
        </form>
      </section>
      <PhrasePanel
        faq={faq}
        onPick={(p) => {
          setText((v) => (v ? `${v}${p}` : p));
          input.current?.focus();
        }}
      />
    </div>
  );
}
