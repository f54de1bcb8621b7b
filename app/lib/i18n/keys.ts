import { namespaces, type Namespace, type Resources } from "./resources";

// i18next's plural suffixes: a key stored as "x_one"/"x_other" is asked for as "x" with a count.
type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";
type WithoutPlural<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** A key of one namespace, as `t` of that namespace takes it ("err.notFound"). */
export type MessageKey<N extends Namespace = "common"> = WithoutPlural<keyof Resources[N] & string>;

/** A key with its namespace ("workflow:err.notFound"), for keys that travel as data. */
export type QualifiedKey = { [N in Namespace]: `${N}:${MessageKey<N>}` }[Namespace];

/** A translate function narrowed to one namespace, for helpers that render rows without a hook. */
export type Translate<N extends Namespace> = (key: MessageKey<N>, options?: { defaultValue?: string }) => string;

/**
 * The one way to turn a string computed at run time (a state read from the database, a value from
 * a code) into a key. It is checked against the Chinese messages at run time; when the key does not
 * exist the fallback is returned if one is given (else i18next shows the key, as it always did).
 */
export function messageKey<N extends Namespace>(
  ns: N,
  key: `${N}:${string}`,
  fallback?: `${N}:${MessageKey<N>}`,
): `${N}:${MessageKey<N>}`;
export function messageKey<N extends Namespace>(ns: N, key: string, fallback?: MessageKey<N>): MessageKey<N>;
export function messageKey<N extends Namespace>(ns: N, key: string, fallback?: string): string {
  // A key from data may name its own namespace ("common:form.required"); i18next honours that.
  const [keyNs, bare = ""] = key.includes(":") ? key.split(":", 2) : [ns, key];
  const zh: Record<string, string> | undefined = namespaces[keyNs as Namespace]?.zh;
  const known = !!zh && (bare in zh || `${bare}_other` in zh);
  return known || !fallback ? key : fallback;
}
