// Glue between the workflow's forms and its modules: parse, run, and answer a refusal with the
// form's values so nothing the user typed is lost.
import { data } from "@remix-run/react";
import { parseForm } from "~/lib/validation";
import { attempt } from "./errors";
import { requestFormSchema, type RequestForm } from "./schemas";

export function readRequestForm(formData: FormData) {
  const parsed = parseForm(requestFormSchema, formData, ["attendees"]);
  const values = {
    ...Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
    attendees: formData.getAll("attendees").map(Number).filter(Number.isInteger),
  };
  return { parsed, values };
}

/** Runs an operation; a WorkflowError becomes the matching status with an error for the form. */
export async function respond<T>(fn: () => Promise<T>, values: Record<string, unknown> = {}) {
  const out = await attempt(fn);
  if (out.ok) return { ok: true as const, value: out.value };
  return {
    ok: false as const,
    response: data(
      { errors: { [out.field]: out.error } as Record<string, string>, params: out.extra, values },
      { status: out.status },
    ),
  };
}

export type { RequestForm };
