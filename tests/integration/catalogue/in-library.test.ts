// One notion of "in the library" (decision 042): a course whose file says `accepted` but that HR
// never entered into the library (no live version) is not offered to requesters, cannot be
// assigned, is not recommended and does not count as covering its competency.
import { beforeAll, describe, expect, it } from "vitest";
import { createAssignment } from "~/assignments/assignments.server";
import { openCourses } from "~/competency/profile.server";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";
import { acceptedCoursesPerCompetency } from "~/needs/rounds.server";
import { requestableTargets } from "~/workflow/requests.server";
import { createTestTeam, createTestUser } from "../../fixtures/users";

const COMPETENCY = "reflective-practice";
const tag = Math.random().toString(36).slice(2, 8);

/** A course whose file says accepted, synced once; `entered` sets the live version as HR does. */
async function claimedCourse(slug: string, seriesId: number, entered: boolean) {
  const c = await db.course.create({
    data: {
      slug,
      seriesId,
      titleZh: slug,
      titleEn: slug,
      area: "customer-service",
      status: "accepted",
      competencies: JSON.stringify([COMPETENCY]),
    },
    select: { id: true },
  });
  const v = await db.courseVersion.create({
    data: { courseId: c.id, version: 1, contentHash: "h", frontMatter: "{}", body: "b" },
    select: { id: true },
  });
  await db.course.update({
    where: { id: c.id },
    data: { currentVersionId: v.id, liveVersionId: entered ? v.id : null },
  });
  return { id: c.id, versionId: v.id };
}

let live: { id: number; versionId: number };
let claimed: { id: number; versionId: number };
let seriesId: number;
let coveredBefore: number;

beforeAll(async () => {
  coveredBefore = (await acceptedCoursesPerCompetency())[COMPETENCY];
  const s = await db.series.create({
    data: { slug: `lib-${tag}`, titleZh: "系列", titleEn: "Series" },
    select: { id: true },
  });
  seriesId = s.id;
  live = await claimedCourse(`live-${tag}`, seriesId, true);
  claimed = await claimedCourse(`claimed-${tag}`, seriesId, false);
});

describe("a course the file calls accepted but HR never entered", () => {
  it("is not offered to requesters, the live one is", async () => {
    const { courses } = await requestableTargets();
    const ids = courses.map((c) => c.id);
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(claimed.id);
  });

  it("cannot be assigned, the live one can", async () => {
    const team = await createTestTeam();
    const agent = await createTestUser({ teamId: team.id });
    const hr = await createTestUser({ roles: ["HR"] });
    const input = (id: number) => ({
      target: { kind: "course" as const, id },
      userIds: [agent.id],
      teamIds: [],
      dueDay: localDay(new Date()),
      refreshMonths: null,
    });
    const refused = await createAssignment({ id: hr.id, roles: ["HR"] }, input(claimed.id)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(refused) && refused.fieldErrors).toEqual({ target: "assignments:err.notInLibrary" });
    await expect(createAssignment({ id: hr.id, roles: ["HR"] }, input(live.id))).resolves.toMatchObject({ people: 1 });
  });

  it("is not recommended for the competency it is tagged with", async () => {
    const me = await createTestUser();
    const slugs = (await openCourses(me.id, [COMPETENCY])).map((c) => c.slug);
    expect(slugs).toContain(`live-${tag}`);
    expect(slugs).not.toContain(`claimed-${tag}`);
  });

  it("does not cover its competency in the needs survey's catalogue gaps until entered", async () => {
    expect((await acceptedCoursesPerCompetency())[COMPETENCY]).toBe(coveredBefore + 1);
    await db.course.update({ where: { id: claimed.id }, data: { liveVersionId: claimed.versionId } });
    expect((await acceptedCoursesPerCompetency())[COMPETENCY]).toBe(coveredBefore + 2);
    await db.course.update({ where: { id: claimed.id }, data: { liveVersionId: null } });
  });
});
