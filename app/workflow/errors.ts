// A refusal that carries its HTTP status and an i18n key. Thrown inside a transaction it also
// rolls everything back, so a refused action leaves nothing half-written.
export class WorkflowError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly key: string,
    readonly field = "_form",
    readonly extra: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 403 | 404 | 409; field: string; error: string; extra: Record<string, unknown> };

/** Runs a workflow operation and turns a refusal into a value the route can return. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof WorkflowError)
      return { ok: false, status: e.status, field: e.field, error: e.key, extra: e.extra };
    throw e;
  }
}
