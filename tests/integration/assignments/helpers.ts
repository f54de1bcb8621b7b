// A small world for assignments: a series of two library courses, a draft course, a team with a
// lead and three agents, a second team, HR and a trainer.
import { db } from "~/lib/db.server";
import { createTestTeam, createTestUser } from "../../fixtures/users";

export async function libraryCourse(slug: string, seriesId: number | null, status = "accepted") {
  const c = await db.course.create({
    data: { slug, seriesId, titleZh: `课 ${slug}`, titleEn: `Course ${slug}`, area: "customer-service", status },
    select: { id: true, slug: true },
  });
  const v = await db.courseVersion.create({
    data: { courseId: c.id, version: 1, contentHash: "h", frontMatter: "{}", body: "b", sections: "[]" },
    select: { id: true },
  });
  // An accepted course is in the library: HR entered its version (decision 035).
  const liveVersionId = status === "accepted" ? v.id : null;
  await db.course.update({ where: { id: c.id }, data: { currentVersionId: v.id, liveVersionId } });
  return { ...c, versionId: v.id };
}

export async function world() {
  const tag = Math.random().toString(36).slice(2, 8);
  const series = await db.series.create({
    data: { slug: `s-${tag}`, titleZh: "系列", titleEn: "Series" },
    select: { id: true },
  });
  const c1 = await libraryCourse(`a-${tag}`, series.id);
  const c2 = await libraryCourse(`b-${tag}`, series.id);
  const draft = await libraryCourse(`d-${tag}`, null, "draft");
  const team = await createTestTeam();
  const other = await createTestTeam();
  const lead = await createTestUser({ roles: ["LEAD", "TRAINEE"], teamId: team.id, name: "Lead" });
  await db.team.update({ where: { id: team.id }, data: { leads: { connect: { id: lead.id } } } });
  const agents = [
    await createTestUser({ teamId: team.id, name: "Agent A" }),
    await createTestUser({ teamId: team.id, name: "Agent B" }),
    await createTestUser({ teamId: team.id, name: "Agent C" }),
  ] as const;
  const stranger = await createTestUser({ teamId: other.id, name: "Stranger" });
  const hr = await createTestUser({ roles: ["HR"], name: "HR" });
  const trainer = await createTestUser({ roles: ["TRAINER"], name: "Trainer" });
  const asUser = (u: { id: number }, roles: ("LEAD" | "TRAINEE" | "HR" | "TRAINER")[]) => ({ id: u.id, roles });
  return {
    series,
    c1,
    c2,
    draft,
    team,
    other,
    lead,
    agents,
    stranger,
    hr,
    trainer,
    actors: { lead: asUser(lead, ["LEAD", "TRAINEE"]), hr: asUser(hr, ["HR"]), trainer: asUser(trainer, ["TRAINER"]) },
  };
}

/** Completes the course's lesson (quiz passed) at the given time. */
export async function completeLesson(userId: number, course: { id: number; versionId: number }, at: Date) {
  await db.courseProgress.create({
    data: {
      userId,
      courseId: course.id,
      courseVersionId: course.versionId,
      quizPassed: true,
      completedAt: at,
      startedAt: at,
    },
  });
}

/** Starts the lesson without finishing it. */
export async function startLesson(userId: number, course: { id: number; versionId: number }) {
  await db.courseProgress.create({ data: { userId, courseId: course.id, courseVersionId: course.versionId } });
}

/** A delivered class of the course with attendance marks. */
export async function deliveredClass(
  trainerId: number,
  courseId: number,
  at: Date,
  marks: { userId: number; attendance: string }[],
) {
  return db.trainingSession.create({
    data: {
      trainerId,
      courseId,
      startsAt: at,
      endsAt: new Date(at.getTime() + 3_600_000),
      status: "delivered",
      deliveredAt: at,
      attendees: { create: marks },
    },
    select: { id: true },
  });
}
