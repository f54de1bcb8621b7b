// Start-up sync. A failure here is logged, never fatal: the catalogue keeps serving what the
// database already holds.
import { contentDir } from "~/lib/env.server";
import { syncContent } from "./sync.server";

export async function syncContentAtStartup(): Promise<void> {
  try {
    const started = performance.now();
    const r = await syncContent(contentDir());
    const ms = Math.round(performance.now() - started);
    console.log(`[content] synced ${contentDir()}: ${r.created} new, ${r.newVersions} changed, ${r.unchanged} unchanged, ${r.retired} retired, ${r.problems.length} problems (${ms} ms)`);
  } catch (e) {
    console.error("[content] sync failed:", e);
  }
}
