// Lessons written by e2e tests, as an author saves them. Tests run two at a time against one
// database, and a sync retires every course its folder lacks: so all of them write into one
// content folder for the run (the shipped lessons, copied when the server starts) and sync that
// folder, and no test's sync retires another test's course.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const E2E_DB = process.env.E2E_DB ?? "tests/.tmp/e2e.db";

/** Made fresh by the web server's start command (playwright.config.ts). */
export const e2eContentDir = path.resolve(`${E2E_DB}.content`);

/** Saves a file under the run's content folder (a path relative to it, e.g. `courses/x/01-y.md`). */
export function saveContentFile(relative: string, text: string) {
  const file = path.join(e2eContentDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The content sync over the run's folder, in this process, as at start-up or `content:sync`. */
export async function syncE2eContent() {
  const { syncContent } = await import("#app/content/sync.server");
  return syncContent(e2eContentDir, { log: () => {}, warn: () => {} });
}
