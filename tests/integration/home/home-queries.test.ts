// The signed-in trainee's home answers in a handful of SQL statements (decision 049's "done once"):
// counted through the database driver, so a query added back fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { onPostgres } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { loader as homeLoader } from "~/routes/_index";
import { syncAndEnter } from "../../fixtures/library";
import { countQueries } from "../../fixtures/query-counter";
import { createTestTeam, createTestUser, makeRequest } from "../../fixtures/users";

const MAX_QUERIES = 6;

beforeAll(async () => {
  await syncAndEnter(process.env.CONTENT_DIR!);
});

async function home(request: Request) {
  return homeLoader({ request, params: {}, context: {} });
}

describe("trainee home", () => {
  it(`answers in at most ${MAX_QUERIES} SQL statements, session check included`, async () => {
    const team = await createTestTeam();
    const me = await createTestUser({ teamId: team.id });
    const [course, done] = await db.course.findMany({
      where: { liveVersionId: { not: null } },
      select: { id: true, slug: true, liveVersionId: true },
      orderBy: { id: "asc" },
      take: 2,
    });
    await db.courseProgress.create({
      data: {
        userId: me.id,
        courseId: course!.id,
        courseVersionId: course!.liveVersionId!,
        sectionsTotal: 4,
        percent: 50,
      },
    });
    await db.courseProgress.create({
      data: {
        userId: me.id,
        courseId: done!.id,
        courseVersionId: done!.liveVersionId!,
        sectionsTotal: 4,
        percent: 100,
        completedAt: new Date(),
      },
    });
    // The session is written before counting; the first view may fill the process's caches.
    const request = await makeRequest("/", { userId: me.id });
    await home(request.clone());
    // The driver's statements are counted on SQLite; on PostgreSQL the rows are checked alone.
    const { result, queries: all } = onPostgres()
      ? { result: await home(request), queries: [] as string[] }
      : await countQueries(() => home(request));
    // At most one look at the content generation every two seconds per process, not per view.
    const queries = all.filter((q) => !q.includes("ContentGeneration"));
    // Each panel still gets its rows: the course in progress, the completed one with its certificate.
    expect(result.learning?.continue.map((c) => [c.slug, c.percent])).toEqual([[course!.slug, 50]]);
    expect(result.learning?.completed.map((c) => c.slug)).toEqual([done!.slug]);
    expect(result.week?.completed.map((c) => c.slug)).toEqual([done!.slug]);
    expect(result.workflow.requests).toEqual([]);
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(MAX_QUERIES);
  });
});
