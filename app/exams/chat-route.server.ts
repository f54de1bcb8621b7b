// The action shared by the two chat-like exams: start, reply to the item that is out, finish.
// It answers plain data; the route turns `resultId` into the redirect to the result page.
import type { SessionUser } from "~/auth/session.server";
import { invalid, isDomainError } from "~/lib/errors";
import { parseForm } from "~/lib/validation";
import { ackQuickReply, answerQuickReply, startQuickReply } from "./quick-reply.server";
import { ackResponse, finishResponse, replyResponse, startResponse } from "./response.server";
import { chatActionSchema } from "./schemas";
import { admitStart } from "./start-gate.server";

export async function chatAction(kind: "response" | "quick-reply", user: SessionUser, form: FormData) {
  const parsed = parseForm(chatActionSchema, form);
  if (!parsed.success) throw invalid("exams:err.form");
  const input = parsed.data;
  try {
    if (input.intent === "start")
      return {
        started:
          kind === "response"
            ? await admitStart(() => startResponse(user.id))
            : await admitStart(() => startQuickReply(user.id)),
      };
    if (input.intent === "ack")
      return kind === "response"
        ? await ackResponse(user.id, input.token, input.item)
        : await ackQuickReply(user.id, input.token, input.item);
    if (input.intent === "finish") {
      if (kind !== "response") throw invalid("exams:err.form");
      return { resultId: await finishResponse(user.id, input.token) };
    }
    const out =
      kind === "response"
        ? await replyResponse(user.id, input.token, input.item, input.text)
        : await answerQuickReply(user.id, input.token, input.item, input.text);
    return out.done ? { resultId: out.resultId } : { next: out.next };
  } catch (e) {
    // Time ran out while answering: the attempt is already scored, so show its result.
    if (isDomainError(e) && e.messageKey === "exams:err.timeUp" && e.params.resultId)
      return { resultId: Number(e.params.resultId) };
    throw e;
  }
}
