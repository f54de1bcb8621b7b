// Demo courses: the lessons in content/ are synced, as at start-up, and the accepted ones are
// entered into the library "by the seed" (decision 035), so the demo catalogue is complete.
import { syncContent } from "../../app/content/sync.server";
import { contentDir } from "../../app/lib/env.server";
import { enterClaimedCourses } from "../../app/library/acceptance.server";

export async function seedCatalogue(): Promise<void> {
  // The first pass reports every file's `accepted` claim as unrecorded; once the seed has entered
  // them, a second (unchanged, cheap) pass reports and stores only the real problems.
  const first = await syncContent(contentDir(), { log: () => {}, warn: () => {} });
  const entered = await enterClaimedCourses("entered by the seed");
  const r = { ...(await syncContent(contentDir())), created: first.created, newVersions: first.newVersions };
  console.log(
    `[seed] courses: ${r.created} new, ${r.newVersions} changed, ${r.unchanged} unchanged, ${entered} entered into the library, ${r.problems.length} content problems`,
  );
}
