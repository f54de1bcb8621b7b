import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/ui/use-hydrated";
import { ErrorAlert } from "./NoScript";
import { Progress } from "./Progress";

type Question = { id: string; text: string; index: number };
type ActionData = {
  started?: { token: string; total: number; question: Question };
  next?: Question;
  error?: string;
  params?: Record<string, string | number>;
};

/** One customer question at a time; the answer is a shortcut ("/kd1") or the phrase in full. */
export function QuickReplyTest() {
  const { t } = useTranslation("exams");
  const fetcher = useFetcher<ActionData>();
  const hydrated = useHydrated();
  const [token, setToken] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [question, setQuestion] = useState<Question | null>(null);
  const [answer, setAnswer] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const ack = useFetcher();
  const submitAck = ack.submit;
  const shownId = question?.id ?? null;
  // Tells the server the question is on screen: answer time counts from here, not from release.
  useEffect(() => {
    if (token && shownId) submitAck({ intent: "ack", token, item: shownId }, { method: "post" });
  }, [token, shownId, submitAck]);

  useEffect(() => {
    const d = fetcher.data;
    if (d?.started) {
      setToken(d.started.token);
      setTotal(d.started.total);
      setQuestion(d.started.question);
    } else if (d?.next) setQuestion(d.next);
    setAnswer("");
    input.current?.focus();
  }, [fetcher.data]);

  const busy = fetcher.state === "submitting";
  if (!token || !question) {
    return (
      <div className="stack">
        <ErrorAlert error={fetcher.data?.error} params={fetcher.data?.params} />
        <fetcher.Form method="post">
          <button type="submit" name="intent" value="start" className="primary" disabled={busy || !hydrated}>
            {t("quick.start")}
          </button>
        </fetcher.Form>
      </div>
    );
  }
  return (
    <section className="card stack" aria-labelledby="qr-h">
      <h2 id="qr-h">{t("quick.question", { i: question.index, n: total })}</h2>
      <Progress max={total} value={question.index - 1} label={t("quick.progress")} />
      <p className="exams-bubble exams-bubble--customer" data-testid="qr-question">
        {question.text}
      </p>
      <ErrorAlert error={fetcher.data?.error} params={fetcher.data?.params} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!answer.trim() || busy) return;
          fetcher.submit({ intent: "reply", token, item: question.id, text: answer }, { method: "post" });
        }}
      >
        <div className="field exams-grow">
          <label htmlFor="qr-answer">{t("quick.answer")}</label>
          <input
            id="qr-answer"
            ref={input}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            autoComplete="off"
          />
        </div>
        <button type="submit" className="primary" disabled={busy || !answer.trim()}>
          {t("chat.send")}
        </button>
      </form>
    </section>
  );
}
