// A small world for the workflow tests: a team with a lead and four agents, HR, two trainers,
// a course that one trainer is listed for (and so holds its initial qualification), and rooms.
import { db } from "~/lib/db.server";
import { toLocalInput } from "~/workflow/time";
import { createTestTeam, createTestUser, makeRequest } from "../../fixtures/users";

export async function world() {
  const team = await createTestTeam();
  const other = await createTestTeam();
  const lead = await createTestUser({ roles: ["LEAD", "TRAINEE"], teamId: team.id, name: "Lead" });
  await db.team.update({ where: { id: team.id }, data: { leads: { connect: { id: lead.id } } } });
  const agent = (i: number) => createTestUser({ teamId: team.id, name: `Agent ${i}` });
  const agents = [await agent(1), await agent(2), await agent(3), await agent(4)] as const;
  const stranger = await createTestUser({ teamId: other.id, name: "Stranger" });
  const hr = await createTestUser({ roles: ["HR"], name: "HR One" });
  const hr2 = await createTestUser({ roles: ["HR"], name: "HR Two" });
  const trainer = await createTestUser({ roles: ["TRAINER"], name: "Trainer Listed" });
  const trainer2 = await createTestUser({ roles: ["TRAINER"], name: "Trainer Other" });
  const slug = `complaint-${Math.random().toString(36).slice(2, 8)}`;
  const course = await db.course.create({
    data: {
      slug,
      titleZh: "投诉处理四步法",
      titleEn: "Complaint handling",
      area: "customer-service",
      status: "accepted",
      trainers: JSON.stringify([trainer.email]),
    },
    select: { id: true, slug: true },
  });
  const version = await db.courseVersion.create({
    data: { courseId: course.id, version: 1, contentHash: "h", frontMatter: "{}", body: "body", sections: "[]" },
    select: { id: true },
  });
  await db.course.update({
    where: { id: course.id },
    data: { currentVersionId: version.id, liveVersionId: version.id },
  });
  await db.trainerQualification.create({ data: { trainerId: trainer.id, courseId: course.id, source: "initial" } });
  const retired = await db.course.create({
    data: { slug: `${slug}-old`, titleZh: "旧课", titleEn: "Old", area: "supporting", status: "retired" },
    select: { id: true },
  });
  const room = await db.room.create({ data: { name: `Room ${slug}`, capacity: 10 }, select: { id: true, name: true } });
  const tiny = await db.room.create({ data: { name: `Tiny ${slug}`, capacity: 2 }, select: { id: true, name: true } });
  return { team, other, lead, agents, stranger, hr, hr2, trainer, trainer2, course, retired, room, tiny };
}

export type World = Awaited<ReturnType<typeof world>>;

/** "YYYY-MM-DDTHH:mm" in the center's zone, days from now at the given hour. */
export function future(days: number, time = "09:00") {
  return `${toLocalInput(new Date(Date.now() + days * 86_400_000)).slice(0, 10)}T${time}`;
}

let tokens = 0;
export function requestForm(w: World, over: Record<string, string | string[]> = {}) {
  return {
    token: `tok-${process.pid}-${++tokens}-${Math.random().toString(36).slice(2)}`,
    target: `course:${w.course.id}`,
    attendees: w.agents.slice(0, 3).map((a) => String(a.id)),
    slotKind: "morning",
    pref1: future(10),
    pref2: future(11),
    pref3: "",
    need: "Complaints about delivery delays doubled this month.",
    priority: "3",
    delivery: "single",
    ...over,
  };
}

/** Status and body of what a loader or action returned: a Response or a single-fetch data(). */
export function statusOf(value: unknown): number {
  if (value instanceof Response) return value.status;
  const init = (value as { init?: ResponseInit | null })?.init;
  return init?.status ?? 200;
}

export function bodyOf<T = Record<string, unknown>>(value: unknown): T {
  const v = value as { data?: unknown; type?: string };
  return (v?.type === "DataWithResponseInit" ? v.data : value) as T;
}

export async function post(
  mod: { action: (args: never) => Promise<unknown> },
  path: string,
  userId: number,
  form: Record<string, string | string[]>,
  params: Record<string, string> = {},
) {
  const request = await makeRequest(path, { userId, form });
  try {
    return await mod.action({ request, params, context: {} } as never);
  } catch (e) {
    return e;
  }
}

export async function get(
  mod: { loader: (args: never) => Promise<unknown> },
  path: string,
  userId: number,
  params: Record<string, string> = {},
) {
  const request = await makeRequest(path, { userId });
  try {
    return await mod.loader({ request, params, context: {} } as never);
  } catch (e) {
    return e;
  }
}
