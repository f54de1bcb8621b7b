// Reads the data of a Remix single-fetch answer (`/route.data`), as the exam pages' fetchers get
// it: the first line is a flat JSON array where index 0 is the root, objects map "_<key index>" to
// a value index and negative numbers stand for special values. Only what the exam actions answer
// is understood (objects, arrays, strings, numbers, booleans, null, dates); anything else reads as
// undefined.
const NULL = -5;

export function readSingleFetch(body: string): unknown {
  const first = body.split("\n", 1)[0] ?? "";
  let values: unknown[];
  try {
    const parsed: unknown = JSON.parse(first);
    if (!Array.isArray(parsed)) return undefined;
    values = parsed;
  } catch {
    return undefined;
  }
  const seen = new Map<number, unknown>();
  const at = (i: unknown): unknown => {
    if (typeof i !== "number" || !Number.isInteger(i)) return undefined;
    if (i < 0) return i === NULL ? null : undefined;
    if (seen.has(i)) return seen.get(i);
    const v = values[i];
    let out: unknown = v;
    if (Array.isArray(v)) {
      // A typed entry ["D", ms] and the like, or a plain array of value indexes.
      if (typeof v[0] === "string") out = v[0] === "D" && typeof v[1] === "number" ? new Date(v[1]) : undefined;
      else out = v.map(at);
    } else if (v !== null && typeof v === "object") {
      const obj: Record<string, unknown> = {};
      seen.set(i, obj);
      for (const [key, valueIndex] of Object.entries(v as Record<string, unknown>)) {
        const name = values[Number(key.slice(1))];
        if (typeof name === "string") obj[name] = at(valueIndex);
      }
      out = obj;
    }
    seen.set(i, out);
    return out;
  };
  return at(0);
}

/** The route's action data inside a single-fetch answer (`{ data: … }`), if any. */
export function actionData<T>(body: string): T | undefined {
  const root = readSingleFetch(body);
  if (root && typeof root === "object" && "data" in root) return (root as { data: T }).data;
  return undefined;
}
