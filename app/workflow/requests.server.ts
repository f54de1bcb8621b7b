// Raising a request and reading requests: who may pick whom, who may see what.
import { writeAudit } from "~/admin/audit.server";
import { leadsTeams } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { inLibrary, inLibraryWhere } from "~/catalogue/in-library";
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { conflict, invalid, notFound } from "~/lib/errors";
import { hrUserIds, notify } from "./notify.server";
import { allowedDeliveries, deliveryAllowed } from "./request-rules";
import { checkPreferred, type RequestForm } from "./schemas";

/** The people a user may put on a request: the members of the teams they lead, and themself. */
export async function pickablePeople(user: Pick<SessionUser, "id" | "roles">, client: Tx = db) {
  const teams = leadsTeams(user)
    ? await client.team.findMany({
        where: { leads: { some: { id: user.id } } },
        select: {
          id: true,
          name: true,
          members: { where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } },
        },
        orderBy: { name: "asc" },
      })
    : [];
  const self = await client.user.findUnique({ where: { id: user.id }, select: { id: true, name: true, teamId: true } });
  const people = new Map<number, string>();
  for (const t of teams) for (const m of t.members) people.set(m.id, m.name);
  if (self) people.set(self.id, self.name);
  return {
    teams,
    people: [...people].map(([id, name]) => ({ id, name })),
    teamId: teams[0]?.id ?? self?.teamId ?? null,
  };
}

/**
 * Courses and series that can be requested: courses in the library, and series with at least one
 * module in it, each with the delivery modes its merge rule allows.
 */
export async function requestableTargets() {
  const [courses, series] = await Promise.all([
    db.course.findMany({
      where: inLibraryWhere,
      select: { id: true, slug: true, titleZh: true, titleEn: true, durationMinutes: true, seriesId: true },
      orderBy: [{ seriesId: "asc" }, { position: "asc" }, { slug: "asc" }],
    }),
    db.series.findMany({
      where: { retired: false, courses: { some: inLibraryWhere } },
      select: { id: true, slug: true, titleZh: true, titleEn: true, merge: true },
      orderBy: { slug: "asc" },
    }),
  ]);
  return { courses, series: series.map((s) => ({ ...s, deliveries: allowedDeliveries(s.merge) })) };
}

async function resolveTarget(tx: Tx, target: string, delivery: RequestForm["delivery"]) {
  const [kind, raw] = target.split(":");
  const id = Number(raw);
  if (kind === "course") {
    const course = await tx.course.findUnique({
      where: { id },
      select: { id: true, status: true, liveVersionId: true, titleZh: true, titleEn: true },
    });
    if (!course) throw invalid("workflow:err.unknownCourse", { field: "target" });
    if (course.status === "retired") throw invalid("workflow:err.retiredCourse", { field: "target" });
    if (!inLibrary(course)) throw invalid("workflow:err.notInLibrary", { field: "target" });
    return { courseId: course.id, seriesId: null, delivery: "single", title: course.titleZh };
  }
  const series = await tx.series.findUnique({
    where: { id },
    select: {
      id: true,
      retired: true,
      merge: true,
      titleZh: true,
      courses: { where: { status: { not: "retired" } }, select: { id: true, status: true, liveVersionId: true } },
    },
  });
  if (!series) throw invalid("workflow:err.unknownCourse", { field: "target" });
  if (series.retired || series.courses.length === 0) throw invalid("workflow:err.retiredCourse", { field: "target" });
  if (!series.courses.some(inLibrary)) throw invalid("workflow:err.notInLibrary", { field: "target" });
  if (delivery === "single") throw invalid("workflow:err.delivery", { field: "delivery" });
  if (!deliveryAllowed(series.merge, delivery)) throw invalid("workflow:err.deliveryNotAllowed", { field: "delivery" });
  return { courseId: null, seriesId: series.id, delivery, title: series.titleZh };
}

export type RequestDraft = RequestForm;

/** Checks a draft against the requester's team and the catalogue; throws a DomainError. */
async function validateDraft(tx: Tx, user: Pick<SessionUser, "id" | "roles">, input: RequestDraft, now: Date) {
  const prefs = checkPreferred([input.pref1, input.pref2, input.pref3], now);
  if (!prefs.ok) throw invalid(prefs.error, { field: prefs.field });
  const target = await resolveTarget(tx, input.target, input.delivery);
  const { people, teamId } = await pickablePeople(user, tx);
  const allowed = new Set(people.map((p) => p.id));
  const attendees = [...new Set(input.attendees)];
  if (attendees.some((id) => !allowed.has(id))) throw invalid("workflow:err.outsideTeam", { field: "attendees" });
  return { prefs: prefs.dates, target, attendees, teamId };
}

export async function createRequest(
  user: Pick<SessionUser, "id" | "roles" | "name">,
  input: RequestDraft,
  now = new Date(),
) {
  // A second post of the same form (double click, resend) lands on the request it made. Two
  // posts at once both pass the look-up (PostgreSQL runs them side by side); the unique token
  // lets one insert win, and the other reads the winner's request.
  try {
    return await createOnce(user, input, now);
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    const made = await sameForm(db, user, input.token);
    if (!made) throw e;
    return made;
  }
}

async function sameForm(tx: Tx | typeof db, user: Pick<SessionUser, "id">, token: string) {
  const existing = await tx.trainingRequest.findUnique({
    where: { clientToken: token },
    select: { id: true, requesterId: true },
  });
  if (!existing) return null;
  if (existing.requesterId !== user.id) throw invalid("workflow:err.invalid");
  return { id: existing.id, duplicate: true };
}

async function createOnce(user: Pick<SessionUser, "id" | "roles" | "name">, input: RequestDraft, now: Date) {
  return db.$transaction(async (tx) => {
    const existing = await sameForm(tx, user, input.token);
    if (existing) return existing;
    const v = await validateDraft(tx, user, input, now);
    const request = await tx.trainingRequest.create({
      data: {
        requesterId: user.id,
        teamId: v.teamId,
        courseId: v.target.courseId,
        seriesId: v.target.seriesId,
        delivery: v.target.delivery,
        slotKind: input.slotKind,
        preferred: JSON.stringify(v.prefs.map((d) => d.toISOString())),
        need: input.need,
        priority: input.priority,
        headcount: v.attendees.length,
        clientToken: input.token,
        attendees: { create: v.attendees.map((userId) => ({ userId })) },
        transitions: { create: { actorId: user.id, action: "create", fromState: "", toState: "submitted" } },
      },
      select: { id: true },
    });
    await writeAudit(tx, user.id, "request.create", user.id, { title: v.target.title }, { id: request.id });
    await notify(
      tx,
      await hrUserIds(tx),
      "submitted",
      { id: request.id, title: v.target.title, by: user.name },
      `/requests/${request.id}`,
      user.id,
    );
    return { id: request.id, duplicate: false };
  });
}

/** The requester edits a returned request and sends it back in one step. */
export async function resubmitRequest(
  user: Pick<SessionUser, "id" | "roles" | "name">,
  requestId: number,
  version: number,
  input: RequestDraft,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const current = await tx.trainingRequest.findUnique({
      where: { id: requestId },
      select: { state: true, version: true, requesterId: true },
    });
    if (!current || current.requesterId !== user.id) throw notFound("workflow:err.notFound");
    if (current.version !== version)
      throw conflict("workflow:err.changed", { params: { state: current.state, version: current.version } });
    if (current.state !== "returned")
      throw conflict("workflow:err.illegal", { params: { state: current.state, version: current.version } });
    const v = await validateDraft(tx, user, input, now);
    await tx.requestAttendee.deleteMany({ where: { requestId } });
    await tx.trainingRequest.update({
      where: { id: requestId },
      data: {
        courseId: v.target.courseId,
        seriesId: v.target.seriesId,
        delivery: v.target.delivery,
        slotKind: input.slotKind,
        preferred: JSON.stringify(v.prefs.map((d) => d.toISOString())),
        need: input.need,
        priority: input.priority,
        headcount: v.attendees.length,
        state: "submitted",
        version: { increment: 1 },
        attendees: { create: v.attendees.map((userId) => ({ userId })) },
        transitions: { create: { actorId: user.id, action: "resubmit", fromState: "returned", toState: "submitted" } },
      },
    });
    await writeAudit(tx, user.id, "request.resubmit", user.id, { title: v.target.title }, { id: requestId });
    await notify(
      tx,
      await hrUserIds(tx),
      "resubmitted",
      { id: requestId, title: v.target.title, by: user.name },
      `/requests/${requestId}`,
      user.id,
    );
    return { id: requestId };
  });
}
