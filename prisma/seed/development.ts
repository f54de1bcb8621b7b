// One demo course development project: the trial course on complaint follow-up calls being
// revised by its team, with milestones and a reviewer's comment. Idempotent: added only when
// there is no project yet.
import type { Db } from "../../app/lib/db.server";

const DAY = 86_400_000;

/** A local day (UTC+8) some days from now, as the milestone form stores it. */
function day(days: number) {
  return new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
}

export async function seedDevelopment(db: Db): Promise<number> {
  if ((await db.courseProject.count()) > 0) return 0;
  const [hr, trainer, trainer2] = await Promise.all(
    ["hr@weike.test", "trainer@weike.test", "trainer2@weike.test"].map((email) =>
      db.user.findUnique({ where: { email }, select: { id: true } }),
    ),
  );
  const course = await db.course.findUnique({
    where: { slug: "complaint-follow-up" },
    select: { id: true, currentVersion: { select: { id: true, version: true } } },
  });
  if (!hr || !trainer || !trainer2 || !course?.currentVersion) return 0;
  const project = await db.courseProject.create({
    data: {
      title: "投诉回访电话（内化版）",
      need: "回访电话常被客户当成再次投诉的机会，坐席缺少回访的结构和话术。",
      sourceTitle: "客户投诉全流程管理",
      sourceSupplier: "外购课程供应商",
      sourceNotes: "内化会上确定只保留回访一章，案例换成本中心的真实录音。",
      format: "m30",
      stage: "revising",
      ownerId: hr.id,
      members: {
        create: [
          { userId: hr.id, role: "chair" },
          { userId: trainer.id, role: "author" },
          { userId: trainer2.id, role: "reviewer" },
        ],
      },
      milestones: {
        create: [
          { kind: "internalisation", dueOn: day(-21), doneAt: new Date(Date.now() - 21 * DAY) },
          { kind: "first-draft", dueOn: day(-10), doneAt: new Date(Date.now() - 11 * DAY) },
          { kind: "trial", dueOn: day(-3), doneAt: new Date(Date.now() - 3 * DAY) },
          { kind: "acceptance", dueOn: day(14) },
        ],
      },
      courses: { create: [{ courseId: course.id }] },
    },
    select: { id: true },
  });
  await db.versionComment.create({
    data: {
      projectId: project.id,
      courseVersionId: course.currentVersion.id,
      section: "s3",
      body: "试讲时学员反映开场白太长，建议压缩到两句话以内，并先确认客户方便通话。",
      authorId: trainer2.id,
    },
  });
  await db.auditLog.create({
    data: {
      actorId: hr.id,
      action: "project.create",
      detail: JSON.stringify({ title: "投诉回访电话（内化版）" }),
      objectKind: "project",
      objectId: project.id,
    },
  });
  return 1;
}
