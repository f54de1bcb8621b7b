// Signs people in by writing a session straight into the e2e database (the login form has its
// own test), then hands the page a matching cookie.
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { generateSessionToken, hashSecret } from "../../app/auth/token";

const dbFile = process.env.E2E_DB ?? "tests/.tmp/e2e.db";

export function e2eDb() {
  const db = new Database(dbFile, { timeout: 15_000 });
  db.pragma("busy_timeout = 15000");
  return db;
}

export function createSessionFor(email: string): string {
  const db = e2eDb();
  try {
    const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: number } | undefined;
    if (!user) throw new Error(`no e2e user ${email}`);
    const { id, secret, token } = generateSessionToken();
    const now = Date.now();
    // The same text format Prisma's SQLite adapter writes.
    const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
    db.prepare(
      "INSERT INTO Session (id, secretHash, userId, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(id, hashSecret(secret), user.id, iso(now), iso(now), iso(now + 8 * 3600_000), iso(now + 7 * 24 * 3600_000));
    return token;
  } finally {
    db.close();
  }
}

type Fixtures = {
  loginAs: (email: string, lang?: "zh" | "en") => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  loginAs: async ({ page, baseURL }, use) => {
    await use(async (email, lang = "en") => {
      const token = createSessionFor(email);
      await page.context().addCookies([
        { name: "weike_session", value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" },
        { name: "lang", value: lang, url: baseURL! },
      ]);
      return page;
    });
  },
});

export { expect };
