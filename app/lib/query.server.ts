// The one way a loader reads its query string: through a zod schema, and a value the schema
// refuses (an impossible date, an id past the Int column, an unknown enum value, a repeated
// key where one value is expected) is the visitor's mistake — a 400 error page — never a 500
// from deeper down. Decision record 019.
import type { z } from "zod";
import { invalid } from "./errors";
import { errorPage } from "./errors.server";

export function parseQuery<S extends z.ZodType>(request: Request | URL, schema: S): z.infer<S> {
  const url = request instanceof URL ? request : new URL(request.url);
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    const [only] = all;
    input[key] = all.length === 1 && only !== undefined ? only : all;
  }
  const result = schema.safeParse(input);
  if (!result.success) throw errorPage(invalid());
  return result.data;
}
