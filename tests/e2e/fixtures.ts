// Signs people in by writing a session straight into the e2e database (the login form has its
// own test), then hands the page a matching cookie.
import { test as base, expect, type Page } from "@playwright/test";
import { insertSessionRow, openDb } from "../fixtures/session-row";

const dbFile = process.env.E2E_DB ?? "tests/.tmp/e2e.db";

/** A connection to the e2e database, for arranging data a test needs. Close it when done. */
export function e2eDb() {
  return openDb(dbFile);
}

export function createSessionFor(email: string): string {
  return insertSessionRow(dbFile, email);
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
