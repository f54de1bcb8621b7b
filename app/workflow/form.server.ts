// Reads the request form: the parsed draft, and the raw values to send back on a refusal so
// nothing the user typed is lost.
import { parseForm } from "~/lib/validation";
import { requestFormSchema, type RequestForm } from "./schemas";

export function readRequestForm(formData: FormData) {
  const parsed = parseForm(requestFormSchema, formData, ["attendees"]);
  const values = {
    ...Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
    attendees: formData.getAll("attendees").map(Number).filter(Number.isInteger),
  };
  return { parsed, values };
}

export type { RequestForm };
