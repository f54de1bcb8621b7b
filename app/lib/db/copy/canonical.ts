// The engine-neutral form of a row: what db:copy writes and what its checksums hash. The same
// row must serialise to the same text whether it was read from SQLite or from PostgreSQL.

export type ColumnKind = "bool" | "date" | "bytes" | "bigint" | "other";

export interface Column {
  name: string;
  kind: ColumnKind;
  /** Text columns sort by collation on PostgreSQL; keys compare them byte-wise on both engines. */
  text: boolean;
}

/** Kind of a column from its declared type on either engine (SQLite affinity name or pg data_type). */
export function columnKind(declared: string): ColumnKind {
  const t = declared.toLowerCase();
  if (t === "boolean") return "bool";
  if (t.startsWith("datetime") || t.startsWith("timestamp")) return "date";
  if (t === "blob" || t === "bytea") return "bytes";
  if (t === "bigint") return "bigint";
  return "other";
}

export function isTextType(declared: string): boolean {
  const t = declared.toLowerCase();
  return t === "text" || t.startsWith("character") || t.startsWith("varchar");
}

/** SQLite (Prisma's adapter) keeps dates as ISO text with "+00:00"; PostgreSQL's timestamp(3) as UTC wall time. */
export function toIsoUtc(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return new Date(value).toISOString();
  const s = String(value);
  // PostgreSQL "2026-11-29 22:24:47.478" (no zone: UTC by the app's convention).
  const iso = /^\d{4}-\d{2}-\d{2} \d/.test(s) && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? `${s.replace(" ", "T")}Z` : s;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${s}`);
  return d.toISOString();
}

/** One value in canonical form: booleans 0/1, dates ISO UTC, bytes hex, big integers as numbers. */
export function canonicalValue(kind: ColumnKind, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "bool":
      return value === true || value === 1 || value === "1" || value === "t" ? 1 : 0;
    case "date":
      return toIsoUtc(value);
    case "bytes":
      return Buffer.from(value as Uint8Array).toString("hex");
    case "bigint":
      return Number(value);
    default:
      return typeof value === "bigint" ? Number(value) : (value as string | number);
  }
}

/** The canonical serialisation of one row (columns in the source's order). */
export function canonicalRow(columns: Column[], row: Record<string, unknown>): string {
  return JSON.stringify(columns.map((c) => canonicalValue(c.kind, row[c.name])));
}

/** A canonical value as the target engine's driver should receive it. */
export function toTargetValue(kind: ColumnKind, value: string | number | null, engine: "sqlite" | "postgres"): unknown {
  if (value === null) return null;
  if (kind === "bool") return engine === "postgres" ? value === 1 : value;
  if (kind === "date") return engine === "postgres" ? value : String(value).replace(/Z$/, "+00:00");
  if (kind === "bytes") return Buffer.from(String(value), "hex");
  return value;
}

/**
 * Tables ordered so that a table comes after the tables it references (depth-first; a cycle,
 * such as Course ⇄ CourseVersion, is broken where it is met — the copy defers the checks).
 */
export function dependencyOrder(tables: string[], references: Map<string, string[]>): string[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: string[] = [];
  const visit = (t: string) => {
    if (done.has(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const r of references.get(t) ?? []) if (r !== t && tables.includes(r)) visit(r);
    visiting.delete(t);
    done.add(t);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t);
  return out;
}
