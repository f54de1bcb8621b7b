// Publication as a recorded act (decision 035): a file's `accepted` is a proposal; trainees read
// only the version HR entered into the library, after an acceptance record for that version.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/auth/roles";
import type { SessionUser } from "~/auth/session.server";
import { listCourses } from "~/catalogue/catalogue.server";
import { lessonView, openCourse } from "~/catalogue/lesson.server";
import { syncContent } from "~/content/sync.server";
import { db } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";
import { enterIntoLibrary, fastTrack, recordAcceptance } from "~/library/acceptance.server";
import { action as libraryAction } from "~/routes/library";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { courseText, seriesText } from "../../unit/catalogue/content-fixtures";

const quiet = { log: () => {}, warn: () => {} };
const SERIES = "lib-series";
const SLUG = "lib-course";
let dir: string;
let hr: SessionUser;
let hr2: SessionUser;
let trainee: SessionUser;

async function person(roles: Role[]): Promise<SessionUser> {
  const u = await createTestUser({ roles });
  return { ...u, grade: "junior", roles };
}

function writeCourse(title: string, body = "## 一\n内容\n\n## 二\n更多\n") {
  const file = path.join(dir, "courses", SERIES, `01-${SLUG}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, courseText({ slug: SLUG, series: SERIES, title: `{ zh: ${title}, en: ${title} }` }, body));
}

async function newest() {
  const c = await db.course.findUniqueOrThrow({
    where: { slug: SLUG },
    select: {
      id: true,
      liveVersion: { select: { version: true } },
      currentVersion: { select: { id: true, version: true } },
    },
  });
  return {
    courseId: c.id,
    live: c.liveVersion?.version ?? 0,
    id: c.currentVersion!.id,
    version: c.currentVersion!.version,
  };
}

async function traineeSees() {
  const r = await listCourses(trainee, { page: 1 } as Parameters<typeof listCourses>[1]);
  return r.courses.some((c) => c.slug === SLUG);
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isDomainError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { status: e.status, key: e.messageKey };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-library-"));
  const series = path.join(dir, "courses", SERIES, "series.md");
  mkdirSync(path.dirname(series), { recursive: true });
  writeFileSync(series, seriesText(SERIES));
  writeCourse("第一版");
  [hr, hr2, trainee] = [await person(["HR"]), await person(["HR"]), await person(["TRAINEE"])];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("publication as a recorded act", () => {
  it("reports a file claiming `accepted` without a record, and does not publish it", async () => {
    const r = await syncContent(dir, quiet);
    expect(r.problems.map((p) => `${path.basename(p.path)}:${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(
        new RegExp(`^01-${SLUG}\\.md:\\d+: status: "accepted" has no acceptance record for version 1`),
      ),
    ]);
    expect(await db.contentProblem.count({ where: { message: { contains: "acceptance record" } } })).toBe(1);
    expect(await traineeSees()).toBe(false);
    expect(await openCourse(trainee, SLUG)).toBeNull();
    // Staff still preview the newest file where they see drafts today.
    expect(await openCourse(hr, SLUG)).not.toBeNull();
  });

  it("refuses to enter a version without an acceptance record, storing nothing", async () => {
    const v = await newest();
    expect(await refusal(enterIntoLibrary(hr, v.id, 0))).toEqual({ status: 400, key: "library:error.notAccepted" });
    expect(await db.libraryEntry.count({ where: { courseId: v.courseId } })).toBe(0);
    expect((await newest()).live).toBe(0);

    // Through the page: the same refusal is a 400 with its message.
    const res = (await libraryAction({
      request: await makeRequest("/library", {
        userId: hr.id,
        form: { intent: "enter", versionId: String(v.id), expected: "0" },
      }),
      params: {},
      context: {},
    })) as unknown as { init: ResponseInit; data: { error: string } };
    expect(res.init.status).toBe(400);
    expect(res.data.error).toBe("library:error.notAccepted");
  });

  it("refuses a rejected version and enters an accepted one; the trainee then finds it", async () => {
    const v = await newest();
    await db.$transaction((tx) =>
      recordAcceptance(tx, { courseVersionId: v.id, decision: "reject", decidedById: hr.id, reason: "案例过时" }),
    );
    expect((await refusal(enterIntoLibrary(hr, v.id, 0))).key).toBe("library:error.notAccepted");
    await db.$transaction((tx) =>
      recordAcceptance(tx, { courseVersionId: v.id, decision: "accept", decidedById: hr.id, projectId: 7 }),
    );
    expect(await refusal(enterIntoLibrary(hr, v.id, 3))).toEqual({ status: 409, key: "library:error.stale" });
    expect(await enterIntoLibrary(hr, v.id, 0)).toEqual({ courseId: v.courseId, version: 1 });
    expect(await traineeSees()).toBe(true);
    expect((await syncContent(dir, quiet)).problems).toEqual([]);
    const audit = await db.auditLog.findMany({
      where: { objectKind: "course", objectId: v.courseId, action: { startsWith: "library." } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["library.accept", "library.accept", "library.enter"]);
  });

  it("refuses the revise and reject decisions without the changes required", async () => {
    const v = await newest();
    expect(
      await refusal(
        db.$transaction((tx) =>
          recordAcceptance(tx, { courseVersionId: v.id, decision: "revise", decidedById: hr.id, reason: "  " }),
        ),
      ),
    ).toEqual({ status: 400, key: "library:error.reasonRequired" });
  });

  it("keeps the live version for trainees when a newer file syncs, until it is accepted and entered", async () => {
    await db.courseProgress.create({
      data: {
        userId: trainee.id,
        courseId: (await newest()).courseId,
        courseVersionId: (await newest()).id,
        sectionsTotal: 2,
        percent: 50,
      },
    });
    writeCourse("第二版", "## 一\n新内容\n\n## 二\n更多\n");
    const r = await syncContent(dir, quiet);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringContaining("no acceptance record for version 2")]);
    const v = await newest();
    expect(v).toMatchObject({ live: 1, version: 2 });
    const seen = await openCourse(trainee, SLUG);
    expect(seen?.ref.versionId).not.toBe(v.id);
    expect(lessonView(seen!).version).toBe(1);
    expect(lessonView(seen!).newerVersion).toBeNull();
    expect(lessonView((await openCourse(hr, SLUG))!).version).toBe(2);
  });

  it("lets exactly one of two HR users entering at once win; the other gets 409", async () => {
    const v = await newest();
    await db.$transaction((tx) =>
      recordAcceptance(tx, { courseVersionId: v.id, decision: "accept", decidedById: hr.id }),
    );
    const results = await Promise.allSettled([enterIntoLibrary(hr, v.id, 1), enterIntoLibrary(hr2, v.id, 1)]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(isDomainError(lost.reason) && lost.reason.status).toBe(409);
    expect(await db.libraryEntry.count({ where: { courseVersionId: v.id } })).toBe(1);
    expect((await newest()).live).toBe(2);
  });

  it("tells a trainee part-way through the older version that a newer one is in the library", async () => {
    const seen = (await openCourse(trainee, SLUG))!;
    expect(lessonView(seen)).toMatchObject({ version: 1, newerVersion: 2 });
    // Someone new reads the live version, with no notice.
    const fresh = await person(["TRAINEE"]);
    expect(lessonView((await openCourse(fresh, SLUG))!)).toMatchObject({ version: 2, newerVersion: null });
  });

  it("fast-tracks a minor correction only with a written reason, audited", async () => {
    writeCourse("第二版", "## 一\n新内容（错别字已改）\n\n## 二\n更多\n");
    await syncContent(dir, quiet);
    const v = await newest();
    expect(v).toMatchObject({ live: 2, version: 3 });
    expect(await refusal(fastTrack(hr, v.id, 2, "   "))).toEqual({ status: 400, key: "library:error.reasonRequired" });
    expect(await db.courseAcceptance.count({ where: { courseVersionId: v.id } })).toBe(0);
    expect((await refusal(fastTrack(trainee, v.id, 2, "错别字"))).status).toBe(403);
    expect(await fastTrack(hr, v.id, 2, "改正错别字")).toMatchObject({ version: 3 });
    expect(
      await db.courseAcceptance.findFirst({
        where: { courseVersionId: v.id },
        select: { fastTrack: true, reason: true, decidedById: true },
      }),
    ).toEqual({ fastTrack: true, reason: "改正错别字", decidedById: hr.id });
    const row = await db.auditLog.findFirst({
      where: { action: "library.fast-track", objectId: v.courseId },
      select: { detail: true, actorId: true },
    });
    expect(row?.actorId).toBe(hr.id);
    expect(JSON.parse(row!.detail)).toMatchObject({ reason: "改正错别字", version: 3 });
  });

  it("refuses a fast-track for a course that was never in the library", async () => {
    const other = "lib-new";
    const file = path.join(dir, "courses", SERIES, `02-${other}.md`);
    writeFileSync(file, courseText({ slug: other, series: SERIES, position: "2" }));
    await syncContent(dir, quiet);
    const c = await db.course.findUniqueOrThrow({ where: { slug: other }, select: { currentVersionId: true } });
    expect(await refusal(fastTrack(hr, c.currentVersionId!, 0, "小修改"))).toEqual({
      status: 400,
      key: "library:error.fastTrackNotLive",
    });
  });

  it("lets administrators read the library page but not publish", async () => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const v = await newest();
    const res = (await libraryAction({
      request: await makeRequest("/library", {
        userId: admin.id,
        form: { intent: "enter", versionId: String(v.id), expected: "3" },
      }),
      params: {},
      context: {},
    })) as unknown as { init: ResponseInit };
    expect(res.init.status).toBe(403);
  });
});
