// Demo courses: the lessons in content/ are synced, as at start-up.
import { syncContent } from "../../app/content/sync.server";
import { contentDir } from "../../app/lib/env.server";

export async function seedCatalogue(): Promise<void> {
  const r = await syncContent(contentDir());
  console.log(
    `[seed] courses: ${r.created} new, ${r.newVersions} changed, ${r.unchanged} unchanged, ${r.problems.length} content problems`,
  );
}
