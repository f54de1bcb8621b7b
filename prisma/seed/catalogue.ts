// Demo courses: the lessons in content/ are synced, as at start-up, and the accepted ones are
// entered into the library "by the seed" (decision 035), so the demo catalogue is complete.
import { syncContent } from "../../app/content/sync.server";
import { contentDir } from "../../app/lib/env.server";
import { enterClaimedCourses } from "../../app/library/acceptance.server";

export async function seedCatalogue(): Promise<void> {
  let r = await syncContent(contentDir());
  const entered = await enterClaimedCourses("entered by the seed");
  // Once entered, the files' `accepted` claims hold: sync again so the stored problems agree.
  if (entered)
    r = {
      ...(await syncContent(contentDir(), { log: () => {}, warn: () => {} })),
      created: r.created,
      newVersions: r.newVersions,
    };
  console.log(
    `[seed] courses: ${r.created} new, ${r.newVersions} changed, ${r.unchanged} unchanged, ${entered} entered into the library, ${r.problems.length} content problems`,
  );
}
