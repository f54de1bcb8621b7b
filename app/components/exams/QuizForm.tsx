import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/SubmitButton";

export interface PublicQuestion {
  id: string;
  type: "single" | "multiple" | "truefalse" | "short";
  prompt: string;
  choices: { key: string; text: string }[];
}

/**
 * A plain form (works without JavaScript); with JavaScript each change is also saved at once,
 * so answers given before the time limit count even if the final submission is late.
 */
export function QuizForm({ token, questions, secondsLeft }: { token: string; questions: PublicQuestion[]; secondsLeft: number }) {
  const { t } = useTranslation("exams");
  const saver = useFetcher();
  const form = useRef<HTMLFormElement>(null);
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const end = Date.now() + secondsLeft * 1000;
    const timer = window.setInterval(() => setLeft(Math.max(0, Math.round((end - Date.now()) / 1000))), 1000);
    return () => window.clearInterval(timer);
  }, [secondsLeft, token]);

  function save(e: React.FormEvent<HTMLFormElement>) {
    const target = e.target as HTMLInputElement;
    if (!target.name?.startsWith("a.")) return;
    const fd = new FormData();
    fd.set("intent", "save");
    fd.set("token", token);
    for (const value of new FormData(form.current!).getAll(target.name)) fd.append(target.name, value);
    if (!fd.has(target.name)) return;
    saver.submit(fd, { method: "post" });
  }

  return (
    <Form method="post" ref={form} className="stack" onChange={save}>
      <input type="hidden" name="token" value={token} />
      <p className="exams-timer" role="timer" aria-live="off">
        <strong>{t("quiz.left", { m: Math.floor(left / 60), s: String(left % 60).padStart(2, "0") })}</strong>
      </p>
      <ol className="exams-questions">
        {questions.map((q, i) => (
          <li key={q.id} className="card">
            <fieldset>
              <legend>
                <span className="badge">{t(`qtype.${q.type}`)}</span> {q.prompt}
              </legend>
              {q.type === "single" || q.type === "multiple"
                ? q.choices.map((c) => (
                    <label key={c.key} className="exams-choice">
                      <input type={q.type === "single" ? "radio" : "checkbox"} name={`a.${q.id}`} value={c.key} /> {c.key}. {c.text}
                    </label>
                  ))
                : null}
              {q.type === "truefalse" ? (
                <>
                  <label className="exams-choice"><input type="radio" name={`a.${q.id}`} value="true" /> {t("quiz.true")}</label>
                  <label className="exams-choice"><input type="radio" name={`a.${q.id}`} value="false" /> {t("quiz.false")}</label>
                </>
              ) : null}
              {q.type === "short" ? (
                <div className="field">
                  <label htmlFor={`q-${i}`}>{t("quiz.yourAnswer")}</label>
                  <textarea id={`q-${i}`} name={`a.${q.id}`} rows={3} maxLength={2000} />
                </div>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      <SubmitButton intent="submit" pendingLabel={t("quiz.submitting")}>{t("quiz.submit")}</SubmitButton>
    </Form>
  );
}
