// Batches of the typing log, sent by the exam page while the trainee types (decision record 023).
// The server stamps each on arrival; the final score uses only what arrived in time.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { streamBatchSchema } from "~/exams/scoring/typing-stream";
import { streamTyping } from "~/exams/typing.server";
import { invalid, isDomainError } from "~/lib/errors";
import { readForm } from "~/lib/read-form.server";
import { arrivalOf } from "~/lib/server-timing.server";

export const handle = { route: "/exams/typing/stream" } satisfies RouteHandle;

export async function loader({ request }: ActionFunctionArgs) {
  await requireRouteAccess(request, handle);
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Stamped on arrival at the server, before its queue, the session and the body: a busy server
  // must not make a batch look late.
  const arrived = arrivalOf(context);
  const user = await requireRouteAccess(request, handle);
  const form = await readForm(request, { maxFields: 4 });
  const parsed = streamBatchSchema.safeParse({ seq: form.get("seq"), at: form.get("at"), events: form.get("events") });
  // A resource route: plain JSON both ways, the refusal's status for the page to act on.
  try {
    if (!parsed.success) throw invalid("exams:err.streamBatch");
    const queuedMs = Date.now() - arrived.getTime();
    return Response.json(await streamTyping(user.id, form.get("token"), parsed.data, arrived, queuedMs));
  } catch (e) {
    if (isDomainError(e)) return Response.json({ error: e.messageKey }, { status: e.status });
    throw e;
  }
}
