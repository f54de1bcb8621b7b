// Arranges e2e data through the app's own modules, on the e2e database the server uses: people
// are created as the admin screen creates them and sessions as the login form does, then the
// page gets the matching cookie. The login form itself has its own test.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import type { Role } from "#app/auth/roles";

const E2E_DB = process.env.E2E_DB ?? "tests/.tmp/e2e.db";
// The app's modules read DATABASE_URL once, when the Prisma client is created: point it at the
// e2e database first, and load them only on first use.
// The cluster run (playwright.cluster.config.ts) names its own database, SQLite or PostgreSQL.
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:${path.resolve(E2E_DB)}`;
const app = async () => {
  const [{ hashPassword }, { createSession }, { db }] = await Promise.all([
    import("#app/auth/password.server"),
    import("#app/auth/session.server"),
    import("#app/lib/db.server"),
  ]);
  return { hashPassword, createSession, db };
};

/** A connection to the e2e database, for arranging data a test needs. Close it when done. */
export function e2eDb() {
  const conn = new Database(E2E_DB, { timeout: 15_000 });
  conn.pragma("busy_timeout = 15000");
  return conn;
}

/** The cookie value ("id.secret") of a new session for the user with that e-mail. */
export async function createSessionFor(email: string): Promise<string> {
  const { createSession, db } = await app();
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`no user ${email} in ${E2E_DB}`);
  return (await createSession(user.id)).token;
}

export const E2E_PASSWORD = "e2e-password-2026";

export interface E2eUser {
  id: number;
  email: string;
  name: string;
}

/**
 * A user of the spec's own, with a unique e-mail. `like` gives them the team and grade of the
 * demo user with that e-mail; `firstTeam` puts them in the first team of the demo data.
 */
export async function createE2eUser(
  opts: { roles?: Role[]; name?: string; like?: string; firstTeam?: boolean } = {},
): Promise<E2eUser> {
  const { hashPassword, db } = await app();
  const tag = randomBytes(5).toString("hex");
  const model = opts.like
    ? await db.user.findUniqueOrThrow({ where: { email: opts.like }, select: { teamId: true, grade: true } })
    : null;
  const firstTeam = opts.firstTeam
    ? await db.team.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })
    : null;
  return db.user.create({
    data: {
      email: `e2e-${tag}@weike.test`,
      name: opts.name ?? `E2E ${tag}`,
      employeeNo: `E2E-${tag}`,
      passwordHash: await hashPassword(E2E_PASSWORD),
      grade: model?.grade ?? "junior",
      teamId: model?.teamId ?? firstTeam?.id ?? null,
      roles: { create: (opts.roles ?? ["TRAINEE"]).map((role) => ({ role })) },
    },
    select: { id: true, email: true, name: true },
  });
}

/**
 * Removes the spec's users. Someone with exam or workflow records cannot be deleted (those keep
 * their history), so they are deactivated instead; the next run starts from a fresh database.
 */
export async function removeE2eUsers(users: readonly E2eUser[]): Promise<void> {
  const { db } = await app();
  for (const { id } of users) {
    try {
      await db.user.delete({ where: { id } });
    } catch {
      await db.user.update({ where: { id }, data: { active: false } });
    }
  }
}

const consoleAllowances = new Map<string, RegExp[]>();

/**
 * Chromium logs every 4xx answer as a console error. A page or form answered with 400/403/404/
 * 409/429 is the app speaking (each test checks the message on screen); a missing script, style
 * or icon is a defect and still fails.
 */
function isAppAnswer(text: string): boolean {
  const m = /^console: Failed to load resource: the server responded with a status of 4\d\d .*\((.+)\)$/.exec(text);
  if (!m?.[1]) return false;
  const { pathname } = new URL(m[1]);
  return !/\.(js|css|ico|svg|png|woff2?)$/.test(pathname);
}

type Fixtures = {
  /**
   * Every test fails on a console error or an uncaught page error (a hydration mismatch shows up
   * as both). A test that provokes an error on purpose — a 403 page, a refused request — names
   * the expected message first.
   */
  allowConsoleError: (pattern: RegExp) => void;
  loginAs: (email: string, lang?: "zh" | "en") => Promise<Page>;
  /** Creates a user of this test's own; removed when the test ends. */
  newUser: (opts?: Parameters<typeof createE2eUser>[0]) => Promise<E2eUser>;
};

export const test = base.extend<Fixtures & { consoleGuard: void }>({
  allowConsoleError: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring
    async ({}, use, info) => {
      const allowed: RegExp[] = [];
      consoleAllowances.set(info.testId, allowed);
      await use((pattern) => allowed.push(pattern));
      consoleAllowances.delete(info.testId);
    },
    { scope: "test" },
  ],
  consoleGuard: [
    async ({ page, allowConsoleError: _ }, use, info) => {
      const errors: string[] = [];
      const allowed = () => consoleAllowances.get(info.testId) ?? [];
      const note = (text: string) => {
        if (!allowed().some((p) => p.test(text)) && !isAppAnswer(text)) errors.push(text);
      };
      page.on("console", (msg) => {
        if (msg.type() === "error") note(`console: ${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => note(`page error: ${err.message}`));
      await use();
      expect(errors, "the browser logged errors").toEqual([]);
    },
    { auto: true },
  ],
  loginAs: async ({ page, baseURL }, use) => {
    await use(async (email, lang = "en") => {
      const token = await createSessionFor(email);
      await page.context().addCookies([
        { name: "weike_session", value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" },
        { name: "lang", value: lang, url: baseURL! },
      ]);
      return page;
    });
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring
  newUser: async ({}, use) => {
    const made: E2eUser[] = [];
    await use(async (opts) => {
      const user = await createE2eUser(opts);
      made.push(user);
      return user;
    });
    await removeE2eUsers(made);
  },
});

export { expect };
