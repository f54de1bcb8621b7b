// Turns a refused exam request into the page's error answer with the right status.
import { data } from "@remix-run/react";
import { ExamError } from "./attempts.server";

export function examErrorData(e: unknown) {
  if (e instanceof ExamError)
    return data({ error: e.key, params: e.params } as { error: string; params: Record<string, string | number> }, {
      status: e.status,
    });
  throw e;
}
