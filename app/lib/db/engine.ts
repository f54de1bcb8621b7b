// Which database engine a DATABASE_URL names. file: → SQLite (the default, one file);
// postgresql:// or postgres:// → PostgreSQL 15+ through Prisma's pg driver adapter (decision 051).
export type Engine = "sqlite" | "postgres";

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, "$1:***@");
}
