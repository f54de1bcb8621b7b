// The action shared by the two chat-like exams: start, reply to the item that is out, finish.
import { data, redirect } from "@remix-run/react";
import type { SessionUser } from "~/auth/session.server";
import { parseForm } from "~/lib/validation";
import { ExamError } from "./attempts.server";
import { examErrorData } from "./http.server";
import { answerQuickReply, startQuickReply } from "./quick-reply.server";
import { finishResponse, replyResponse, startResponse } from "./response.server";
import { chatActionSchema } from "./schemas";

export async function chatAction(kind: "response" | "quick-reply", user: SessionUser, form: FormData) {
  const parsed = parseForm(chatActionSchema, form);
  if (!parsed.success) return data({ error: "exams:err.form", params: {} }, { status: 400 });
  const input = parsed.data;
  try {
    if (input.intent === "start")
      return { started: kind === "response" ? await startResponse(user.id) : await startQuickReply(user.id) };
    if (input.intent === "finish") {
      if (kind !== "response") throw new ExamError("exams:err.form", 400);
      return redirect(`/exams/results/${await finishResponse(user.id, input.token)}`);
    }
    const out =
      kind === "response"
        ? await replyResponse(user.id, input.token, input.item, input.text)
        : await answerQuickReply(user.id, input.token, input.item, input.text);
    return out.done ? redirect(`/exams/results/${out.resultId}`) : { next: out.next };
  } catch (e) {
    if (e instanceof ExamError && e.key === "exams:err.timeUp" && e.params.resultId)
      return redirect(`/exams/results/${e.params.resultId}`);
    return examErrorData(e);
  }
}
