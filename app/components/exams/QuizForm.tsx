import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/SubmitButton";

/** One question; its own fetcher saves its answer, so saving one never cancels another's. */
function QuestionItem({ token, id, children }: { token: string; id: string; children: React.ReactNode }) {
  const saver = useFetcher({ key: `quiz-save-${id}` });
  const item = useRef<HTMLLIElement>(null);
  function save() {
    const fd = new FormData();
    fd.set("intent", "save");
    fd.set("token", token);
    const fields = item.current?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="a.${id}"]`) ?? [];
    for (const f of fields)
      if (
        f instanceof HTMLInputElement && (f.type === "radio" || f.type === "checkbox")
          ? f.checked
          : f.value.trim() !== ""
      )
        fd.append(`a.${id}`, f.value);
    if (fd.has(`a.${id}`)) saver.submit(fd, { method: "post" });
  }
  return (
    <li className="card" ref={item} onChange={save}>
      {children}
    </li>
  );
}

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
export function QuizForm({
  token,
  questions,
  secondsLeft,
  unanswered = 0,
  answers = {},
}: {
  token: string;
  questions: PublicQuestion[];
  secondsLeft: number;
  /** Set when the server refused a submission with unanswered questions, to confirm it. */
  unanswered?: number;
  /** The answers given so far, to fill the form again. */
  answers?: Record<string, string[]>;
}) {
  const { t } = useTranslation("exams");
  const [left, setLeft] = useState(secondsLeft);
  const [warn, setWarn] = useState(unanswered);
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => setWarn(unanswered), [unanswered, token]);
  useEffect(() => {
    if (warn > 0) warning.current?.focus();
  }, [warn]);
  // Before sending, count the questions left blank; the server checks the same without JavaScript.
  function check(event: React.FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value !== "submit") return;
    const data = new FormData(event.currentTarget);
    const blank = questions.filter((q) => !data.getAll(`a.${q.id}`).some((v) => String(v).trim() !== "")).length;
    if (blank > 0) {
      event.preventDefault();
      setWarn(blank);
    }
  }
  const given = (id: string, value: string) => answers[id]?.includes(value) ?? false;
  useEffect(() => {
    const end = Date.now() + secondsLeft * 1000;
    const timer = window.setInterval(() => setLeft(Math.max(0, Math.round((end - Date.now()) / 1000))), 1000);
    return () => window.clearInterval(timer);
  }, [secondsLeft, token]);

  return (
    <Form method="post" className="stack" onSubmit={check}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="asked" value={questions.map((q) => q.id).join(",")} />
      <p className="exams-timer" role="timer" aria-live="off">
        <strong>{t("quiz.left", { m: Math.floor(left / 60), s: String(left % 60).padStart(2, "0") })}</strong>
      </p>
      <ol className="exams-questions" id="quiz-questions">
        {questions.map((q, i) => (
          <QuestionItem key={q.id} token={token} id={q.id}>
            <fieldset>
              <legend>
                <span className="badge">{t(`qtype.${q.type}`)}</span> {q.prompt}
              </legend>
              {q.type === "single" || q.type === "multiple"
                ? q.choices.map((c) => (
                    <label key={c.key} className="exams-choice">
                      <input
                        type={q.type === "single" ? "radio" : "checkbox"}
                        name={`a.${q.id}`}
                        value={c.key}
                        defaultChecked={given(q.id, c.key)}
                      />{" "}
                      {c.key}. {c.text}
                    </label>
                  ))
                : null}
              {q.type === "truefalse" ? (
                <>
                  <label className="exams-choice">
                    <input type="radio" name={`a.${q.id}`} value="true" defaultChecked={given(q.id, "true")} />{" "}
                    {t("quiz.true")}
                  </label>
                  <label className="exams-choice">
                    <input type="radio" name={`a.${q.id}`} value="false" defaultChecked={given(q.id, "false")} />{" "}
                    {t("quiz.false")}
                  </label>
                </>
              ) : null}
              {q.type === "short" ? (
                <div className="field">
                  <label htmlFor={`q-${i}`}>{t("quiz.yourAnswer")}</label>
                  <textarea
                    id={`q-${i}`}
                    name={`a.${q.id}`}
                    rows={3}
                    maxLength={2000}
                    defaultValue={answers[q.id]?.[0] ?? ""}
                  />
                </div>
              ) : null}
            </fieldset>
          </QuestionItem>
        ))}
      </ol>
      {warn > 0 ? (
        <div className="alert alert--warn stack" role="alert" tabIndex={-1} ref={warning} data-testid="quiz-unanswered">
          <p>{t("quiz.unanswered", { count: warn })}</p>
          <p className="row">
            <SubmitButton intent="submit-anyway" pendingLabel={t("quiz.submitting")}>
              {t("quiz.submitAnyway")}
            </SubmitButton>{" "}
            <a href="#quiz-questions" className="button secondary" onClick={() => setWarn(0)}>
              {t("quiz.keepAnswering")}
            </a>
          </p>
        </div>
      ) : (
        <SubmitButton intent="submit" pendingLabel={t("quiz.submitting")}>
          {t("quiz.submit")}
        </SubmitButton>
      )}
    </Form>
  );
}
