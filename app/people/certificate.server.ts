// Certificates: a completed course, and readiness for duty. Only the person themself, trainers and
// HR may open them (policy canSeeCertificatesOf); a course not completed, or a person not ready,
// gets no certificate but a page saying so.
import { canSeeCertificatesOf } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { readinessFor } from "~/exams/readiness.server";
import { localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { forbidden, invariant, notFound } from "~/lib/errors";
import { verificationId } from "./certificate";

type Viewer = Pick<SessionUser, "id" | "roles">;

async function owner(viewer: Viewer, ownerId: number) {
  invariant(canSeeCertificatesOf(viewer, ownerId), forbidden());
  const person = await db.user.findUnique({
    where: { id: ownerId },
    select: { id: true, name: true, employeeNo: true },
  });
  invariant(person, notFound());
  return person;
}

export async function courseCertificate(viewer: Viewer, ownerId: number, slug: string) {
  const person = await owner(viewer, ownerId);
  const course = await db.course.findUnique({ where: { slug }, select: { id: true, titleZh: true, titleEn: true } });
  invariant(course, notFound());
  const done = await db.courseProgress.findFirst({
    where: { userId: ownerId, courseId: course.id, completedAt: { not: null } },
    orderBy: { completedAt: "asc" },
    select: { id: true, completedAt: true },
  });
  const title = { titleZh: course.titleZh, titleEn: course.titleEn };
  if (!done?.completedAt) return { person, title, completed: null };
  const day = localDay(done.completedAt);
  return {
    person,
    title,
    completed: { day, id: verificationId("C", [person.id, person.employeeNo, slug, done.id, day]) },
  };
}

export async function readinessCertificate(viewer: Viewer, ownerId: number, now = new Date()) {
  const person = await owner(viewer, ownerId);
  const r = await readinessFor(ownerId, now);
  if (!r) return { person, title: null, completed: null };
  const title = { titleZh: r.planTitle.zh, titleEn: r.planTitle.en };
  if (!r.ready || r.exams.length === 0) return { person, title, completed: null };
  // Ready since the last of the passes that make up the plan.
  const since = new Date(Math.max(...r.exams.map((e) => (e.state === "passed" ? e.at.getTime() : 0))));
  const day = localDay(since);
  return {
    person,
    title,
    completed: {
      day,
      until: r.readyUntil ? localDay(r.readyUntil) : null,
      id: verificationId("R", [person.id, person.employeeNo, day]),
    },
  };
}
